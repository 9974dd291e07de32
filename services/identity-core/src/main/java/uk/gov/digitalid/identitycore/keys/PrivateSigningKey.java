package uk.gov.digitalid.identitycore.keys;

import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jwk.JWK;

/**
 * A signing key read from its file: its id, algorithm, public JWK and a signer. The private key
 * lives only inside the signer; nothing here prints or exposes it.
 */
public record PrivateSigningKey(String kid, SigningAlgorithm algorithm, JWK publicJwk, JWSSigner signer) {

    @Override
    public String toString() {
        return "PrivateSigningKey[kid=" + kid + ", algorithm=" + algorithm + "]";
    }
}
