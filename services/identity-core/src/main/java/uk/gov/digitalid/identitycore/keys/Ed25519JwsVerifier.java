package uk.gov.digitalid.identitycore.keys;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.util.Base64URL;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** EdDSA (Ed25519) JWS verification through BouncyCastle, for Nimbus JOSE. */
final class Ed25519JwsVerifier extends SingleAlgorithmJwsProvider implements JWSVerifier {

    private final Ed25519PublicKeyParameters publicKey;

    Ed25519JwsVerifier(Ed25519PublicKeyParameters publicKey) {
        super(JWSAlgorithm.EdDSA);
        this.publicKey = publicKey;
    }

    @Override
    public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) {
        if (!serves(header.getAlgorithm())) {
            return false;
        }
        byte[] signatureBytes = signature.decode();
        if (signatureBytes.length != Ed25519PublicKeyParameters.KEY_SIZE * 2) {
            return false;
        }
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, publicKey);
        verifier.update(signingInput, 0, signingInput.length);
        return verifier.verifySignature(signatureBytes);
    }
}
