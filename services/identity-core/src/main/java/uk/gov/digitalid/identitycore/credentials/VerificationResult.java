package uk.gov.digitalid.identitycore.credentials;

import java.util.List;
import java.util.Map;

/**
 * The answer to a verification: valid only when there is no reason against it. Claims are given
 * whenever the signature is good (so a caller can see what expired or was revoked), never otherwise.
 */
public record VerificationResult(boolean valid, List<String> reasons, Map<String, Object> claims) {

    public static VerificationResult invalid(String reason) {
        return new VerificationResult(false, List.of(reason), null);
    }

    /** This result's claims with the given reasons against them; valid when there are none. */
    public VerificationResult withReasons(List<String> reasons) {
        return new VerificationResult(reasons.isEmpty(), List.copyOf(reasons), claims);
    }
}
