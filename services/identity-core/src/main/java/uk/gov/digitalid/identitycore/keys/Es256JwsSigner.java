package uk.gov.digitalid.identitycore.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.util.Base64URL;
import java.math.BigInteger;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.util.BigIntegers;

/**
 * ES256 JWS signing with BouncyCastle's ECDSA directly: deterministic nonces (RFC 6979), so no
 * random number generator is consulted per signature, and no JCA lookup or DER round trip. The
 * signature is R and S as two 32-byte big-endian integers, as RFC 7518 section 3.4 requires.
 */
final class Es256JwsSigner extends SingleAlgorithmJwsProvider implements JWSSigner {

    static final int COORDINATE_BYTES = 32;

    private final ECPrivateKeyParameters privateKey;

    Es256JwsSigner(ECPrivateKeyParameters privateKey) {
        super(JWSAlgorithm.ES256);
        this.privateKey = privateKey;
    }

    @Override
    public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
        if (!serves(header.getAlgorithm())) {
            throw new JOSEException("P-256 keys sign ES256 only");
        }
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, privateKey);
        BigInteger[] rs = signer.generateSignature(sha256(signingInput));
        byte[] signature = new byte[2 * COORDINATE_BYTES];
        BigIntegers.asUnsignedByteArray(rs[0], signature, 0, COORDINATE_BYTES);
        BigIntegers.asUnsignedByteArray(rs[1], signature, COORDINATE_BYTES, COORDINATE_BYTES);
        return Base64URL.encode(signature);
    }

    static byte[] sha256(byte[] input) {
        SHA256Digest digest = new SHA256Digest();
        digest.update(input, 0, input.length);
        byte[] hash = new byte[digest.getDigestSize()];
        digest.doFinal(hash, 0);
        return hash;
    }
}
