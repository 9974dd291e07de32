package uk.gov.digitalid.identitycore.keys;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.util.Base64URL;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;

/** ES256 JWS verification with BouncyCastle's ECDSA directly; see {@link Es256JwsSigner}. */
final class Es256JwsVerifier extends SingleAlgorithmJwsProvider implements JWSVerifier {

    private final ECPublicKeyParameters publicKey;

    Es256JwsVerifier(ECPublicKeyParameters publicKey) {
        super(JWSAlgorithm.ES256);
        this.publicKey = publicKey;
    }

    @Override
    public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) {
        if (!serves(header.getAlgorithm())) {
            return false;
        }
        byte[] bytes = signature.decode();
        if (bytes.length != 2 * Es256JwsSigner.COORDINATE_BYTES) {
            return false;
        }
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(bytes, 0, Es256JwsSigner.COORDINATE_BYTES));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(bytes, Es256JwsSigner.COORDINATE_BYTES, bytes.length));
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, publicKey);
        return verifier.verifySignature(Es256JwsSigner.sha256(signingInput), r, s);
    }
}
