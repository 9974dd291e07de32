package uk.gov.digitalid.gateway.relyingparties;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.digitalid.commons.events.EventTypes;
import uk.gov.digitalid.commons.outbox.AuditEvents;
import uk.gov.digitalid.gateway.ratelimits.RateLimits;
import uk.gov.digitalid.gateway.upstreams.IdentityCoreClient;

/** The relying-party API: verify a credential a citizen presented, with an API key, within a quota. */
@RestController
class RelyingPartyController {

    record VerifyRequest(@NotBlank @Size(max = 16_384) String credential) {
    }

    private final ApiClients clients;
    private final IdentityCoreClient identityCore;
    private final RateLimits limits;
    private final long perMinute;
    private final AuditEvents audit;

    RelyingPartyController(ApiClients clients, IdentityCoreClient identityCore, RateLimits limits,
                           @Value("${gateway.relying-parties.verifications-per-minute}") long perMinute,
                           AuditEvents audit) {
        this.clients = clients;
        this.identityCore = identityCore;
        this.limits = limits;
        this.perMinute = perMinute;
        this.audit = audit;
    }

    @PostMapping("/api/v1/verify")
    Map<String, Object> verify(@RequestHeader(name = "X-API-Key", required = false) String apiKey, @Valid @RequestBody VerifyRequest request) {
        String client = clients.authenticate(apiKey).orElseThrow(() -> {
            ErrorResponseException e = new ErrorResponseException(HttpStatus.UNAUTHORIZED,
                    ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "A valid X-API-Key header is required."), null);
            e.getHeaders().set("WWW-Authenticate", "ApiKey");
            return e;
        });
        limits.consume("relying-party-verify", client, perMinute);
        Map<String, Object> result = identityCore.verify(request.credential());
        String subject = result.get("claims") instanceof Map<?, ?> claims && claims.get("sub") instanceof String sub ? sub : client;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("clientId", client);
        data.put("valid", result.get("valid"));
        data.put("reasons", result.getOrDefault("reasons", List.of()));
        if (result.get("claims") instanceof Map<?, ?> claims && claims.get("jti") instanceof String jti) {
            data.put("credentialId", jti);
        }
        audit.recordObservation(EventTypes.CREDENTIAL_VERIFIED, subject, data);
        return result;
    }
}
