package uk.gov.digitalid.identitycore.keys;

import com.nimbusds.jose.JWSAlgorithm;

/** The signature algorithms credentials may carry: the allow-list of the verifier too. */
public enum SigningAlgorithm {
    /** ECDSA on P-256 with SHA-256, the default (as GOV.UK One Login's credentials). */
    ES256(JWSAlgorithm.ES256, "EC"),
    /** Ed25519 (RFC 8037), selectable. */
    EdDSA(JWSAlgorithm.EdDSA, "Ed25519");

    private final JWSAlgorithm jwsAlgorithm;
    private final String keyAlgorithm;

    SigningAlgorithm(JWSAlgorithm jwsAlgorithm, String keyAlgorithm) {
        this.jwsAlgorithm = jwsAlgorithm;
        this.keyAlgorithm = keyAlgorithm;
    }

    public JWSAlgorithm jws() {
        return jwsAlgorithm;
    }

    /** JCA key algorithm name for key generation. */
    String keyAlgorithm() {
        return keyAlgorithm;
    }

    /** The allowed algorithm of that JOSE name, or null: {@code none}, HMAC and RSA are not allowed. */
    public static SigningAlgorithm fromJws(JWSAlgorithm algorithm) {
        for (SigningAlgorithm candidate : values()) {
            if (candidate.jwsAlgorithm.equals(algorithm)) {
                return candidate;
            }
        }
        return null;
    }
}
