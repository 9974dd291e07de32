package uk.gov.digitalid.portal.gateway;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's public API as the portal uses it. The citizen's session token travels as a bearer
 * token; the citizen's address goes in {@code X-Forwarded-For} so the gateway's limits and audit see
 * the citizen, not the portal. Failures become {@link GatewayProblem}s.
 */
public class GatewayClient {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient http;

    public GatewayClient(RestClient http) {
        this.http = http;
    }

    public void register(String email, String password, String givenName, String familyName, String clientIp) {
        call(() -> http.post().uri("/api/v1/accounts").header("X-Forwarded-For", clientIp)
                .body(Map.of("email", email, "password", password, "givenName", givenName, "familyName", familyName))
                .retrieve().toBodilessEntity());
    }

    /** @return the new session's token */
    public String signIn(String email, String password, String clientIp) {
        Map<String, Object> session = call(() -> http.post().uri("/api/v1/sessions").header("X-Forwarded-For", clientIp)
                .body(Map.of("email", email, "password", password)).retrieve().body(OBJECT));
        return (String) session.get("token");
    }

    public void signOut(String token) {
        call(() -> http.delete().uri("/api/v1/sessions/current").header("Authorization", "Bearer " + token).retrieve().toBodilessEntity());
    }

    public Map<String, Object> me(String token) {
        return call(() -> http.get().uri("/api/v1/me").header("Authorization", "Bearer " + token).retrieve().body(OBJECT));
    }

    public List<Map<String, Object>> activity(String token) {
        return call(() -> http.get().uri("/api/v1/me/activity").header("Authorization", "Bearer " + token).retrieve().body(LIST));
    }

    public List<Map<String, Object>> credentials(String token) {
        return call(() -> http.get().uri("/api/v1/credentials").header("Authorization", "Bearer " + token).retrieve().body(LIST));
    }

    public Map<String, Object> proveIdentity(String token, Map<String, Object> details) {
        return call(() -> http.post().uri("/api/v1/identity/verifications").header("Authorization", "Bearer " + token)
                .body(details).retrieve().body(OBJECT));
    }

    public Optional<Map<String, Object>> latestVerification(String token) {
        try {
            return Optional.of(call(() -> http.get().uri("/api/v1/identity/verifications/latest").header("Authorization", "Bearer " + token)
                    .retrieve().body(OBJECT)));
        } catch (GatewayProblem problem) {
            if (problem.status() == 404) {
                return Optional.empty();
            }
            throw problem;
        }
    }

    /** A new credential: the signed JWT is in this answer only (the gateway keeps no copy). */
    public Map<String, Object> issueCredential(String token) {
        return call(() -> http.post().uri("/api/v1/credentials").header("Authorization", "Bearer " + token).retrieve().body(OBJECT));
    }

    public void revokeCredential(String token, UUID id) {
        call(() -> http.post().uri("/api/v1/credentials/{id}/revoke", id).header("Authorization", "Bearer " + token)
                .retrieve().toBodilessEntity());
    }

    private static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (RestClientResponseException e) {
            throw problem(e);
        }
    }

    private static GatewayProblem problem(RestClientResponseException e) {
        Map<String, String> fields = new LinkedHashMap<>();
        String detail = e.getStatusText();
        try {
            JsonNode body = JSON.readTree(e.getResponseBodyAsString());
            if (body.hasNonNull("detail")) {
                detail = body.get("detail").asString();
            }
            if (body.get("errors") != null) {
                for (JsonNode error : body.get("errors")) {
                    fields.putIfAbsent(error.path("field").asString(), error.path("message").asString());
                }
            }
        } catch (RuntimeException notJson) {
            // The detail stays the status text.
        }
        String retryAfter = e.getResponseHeaders() == null ? null : e.getResponseHeaders().getFirst("Retry-After");
        return new GatewayProblem(e.getStatusCode().value(), detail, fields, retryAfter == null ? null : Long.valueOf(retryAfter));
    }
}
