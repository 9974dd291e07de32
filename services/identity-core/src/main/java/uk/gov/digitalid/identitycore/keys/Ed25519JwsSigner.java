package uk.gov.digitalid.identitycore.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.util.Base64URL;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** EdDSA (Ed25519) JWS signing through BouncyCastle, for Nimbus JOSE (whose own needs Tink). */
final class Ed25519JwsSigner extends SingleAlgorithmJwsProvider implements JWSSigner {

    private final Ed25519PrivateKeyParameters privateKey;

    Ed25519JwsSigner(Ed25519PrivateKeyParameters privateKey) {
        super(JWSAlgorithm.EdDSA);
        this.privateKey = privateKey;
    }

    @Override
    public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
        if (!serves(header.getAlgorithm())) {
            throw new JOSEException("Ed25519 keys sign EdDSA only");
        }
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(signingInput, 0, signingInput.length);
        return Base64URL.encode(signer.generateSignature());
    }
}
