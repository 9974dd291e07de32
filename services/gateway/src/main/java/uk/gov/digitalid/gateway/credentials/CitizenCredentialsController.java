package uk.gov.digitalid.gateway.credentials;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.digitalid.gateway.identity.IdentityVerifications;
import uk.gov.digitalid.gateway.sessions.Session;
import uk.gov.digitalid.gateway.sessions.SessionAuthentication;
import uk.gov.digitalid.gateway.upstreams.IdentityCoreClient;

/**
 * A signed-in citizen's credentials: get one after a successful identity check (identity-core
 * signs it, and announces it), list them, revoke one of their own.
 */
@RestController
class CitizenCredentialsController {

    private final IdentityVerifications verifications;
    private final IdentityCoreClient identityCore;
    private final Duration validity;

    CitizenCredentialsController(IdentityVerifications verifications, IdentityCoreClient identityCore,
                                 @Value("${gateway.credentials.validity}") Duration validity) {
        this.verifications = verifications;
        this.identityCore = identityCore;
        this.validity = validity;
    }

    @PostMapping("/api/v1/credentials")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> issue(@RequestAttribute(SessionAuthentication.ATTRIBUTE) Session session) {
        IdentityVerifications.Verification verification = verifications.latest(session.accountId())
                .filter(v -> "VERIFIED".equals(v.status()))
                .orElseThrow(() -> new ErrorResponseException(HttpStatus.CONFLICT, ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                        "Prove your identity first: your latest identity check did not succeed."), null));
        Map<String, Object> name = new LinkedHashMap<>();
        name.put("givenName", verification.givenName() == null ? "-" : verification.givenName());
        name.put("familyName", verification.familyName());
        var scores = verification.scores();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("txn", verification.id().toString());
        evidence.put("strengthScore", scores.strength());
        evidence.put("validityScore", scores.validity());
        evidence.put("verificationScore", scores.verification());
        evidence.put("activityHistoryScore", scores.activityHistory());
        evidence.put("identityFraudScore", scores.identityFraud());
        evidence.put("checkDetails", verification.checks().stream()
                .map(check -> Map.of("checkMethod", "data", "dataCheck", String.valueOf(check.get("check")))).toList());
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("subjectId", session.accountId().toString());
        request.put("claims", Map.of("names", List.of(name), "birthDate", verification.birthDate().toString()));
        request.put("evidence", evidence);
        request.put("validity", validity.toString());
        return identityCore.issue(request);
    }

    @GetMapping("/api/v1/credentials")
    List<Map<String, Object>> list(@RequestAttribute(SessionAuthentication.ATTRIBUTE) Session session) {
        return identityCore.list(session.accountId().toString());
    }

    @PostMapping("/api/v1/credentials/{id}/revoke")
    Map<String, Object> revoke(@RequestAttribute(SessionAuthentication.ATTRIBUTE) Session session, @PathVariable UUID id) {
        boolean own = identityCore.find(id).map(c -> session.accountId().toString().equals(c.get("subjectId"))).orElse(false);
        if (!own) {
            // Someone else's credential looks exactly like one that does not exist.
            throw new ErrorResponseException(HttpStatus.NOT_FOUND,
                    ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "You have no credential with that id."), null);
        }
        return identityCore.revoke(id);
    }
}
