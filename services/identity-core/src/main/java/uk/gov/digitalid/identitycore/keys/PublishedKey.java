package uk.gov.digitalid.identitycore.keys;

import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.JWK;
import java.time.Instant;

/**
 * A key as relying parties see it: public JWK, status and, once retired, how long it stays published.
 *
 * @param status AVAILABLE (mounted, not yet used), ACTIVE (signs new credentials) or RETIRED
 */
public record PublishedKey(String kid, SigningAlgorithm algorithm, JWK publicJwk, String status, Instant retainUntil,
                           JWSVerifier verifier) {

    public boolean publishedAt(Instant now) {
        return !"RETIRED".equals(status) || (retainUntil != null && retainUntil.isAfter(now));
    }
}
