package uk.gov.digitalid.portal.gateway;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import uk.gov.digitalid.webpages.gateway.GatewayProblem;

/**
 * The gateway's public API as the portal uses it. The citizen's session token travels as a bearer
 * token; the citizen's address goes in {@code X-Forwarded-For} so the gateway's limits and audit see
 * the citizen, not the portal. Failures are thrown as {@link GatewayProblem}s.
 */
@Component
public class GatewayClient {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };

    private final RestClient http;

    GatewayClient(RestClient gatewayRestClient) {
        this.http = gatewayRestClient;
    }

    public void register(String email, String password, String givenName, String familyName, String clientIp) {
        http.post().uri("/api/v1/accounts").header("X-Forwarded-For", clientIp)
                .body(Map.of("email", email, "password", password, "givenName", givenName, "familyName", familyName))
                .retrieve().toBodilessEntity();
    }

    /** @return the new session's token */
    public String signIn(String email, String password, String clientIp) {
        Map<String, Object> session = http.post().uri("/api/v1/sessions").header("X-Forwarded-For", clientIp)
                .body(Map.of("email", email, "password", password)).retrieve().body(OBJECT);
        return (String) session.get("token");
    }

    public void signOut(String token) {
        http.delete().uri("/api/v1/sessions/current").headers(bearer(token)).retrieve().toBodilessEntity();
    }

    public Map<String, Object> me(String token) {
        return http.get().uri("/api/v1/me").headers(bearer(token)).retrieve().body(OBJECT);
    }

    public List<Map<String, Object>> activity(String token) {
        return http.get().uri("/api/v1/me/activity").headers(bearer(token)).retrieve().body(LIST);
    }

    public List<Map<String, Object>> credentials(String token) {
        return http.get().uri("/api/v1/credentials").headers(bearer(token)).retrieve().body(LIST);
    }

    public Map<String, Object> proveIdentity(String token, Map<String, Object> details) {
        return http.post().uri("/api/v1/identity/verifications").headers(bearer(token)).body(details).retrieve().body(OBJECT);
    }

    public Optional<Map<String, Object>> latestVerification(String token) {
        try {
            return Optional.of(http.get().uri("/api/v1/identity/verifications/latest").headers(bearer(token)).retrieve().body(OBJECT));
        } catch (GatewayProblem problem) {
            if (problem.status() == 404) {
                return Optional.empty();
            }
            throw problem;
        }
    }

    /** A new credential: the signed JWT is in this answer only (the gateway keeps no copy). */
    public Map<String, Object> issueCredential(String token) {
        return http.post().uri("/api/v1/credentials").headers(bearer(token)).retrieve().body(OBJECT);
    }

    public void revokeCredential(String token, UUID id) {
        http.post().uri("/api/v1/credentials/{id}/revoke", id).headers(bearer(token)).retrieve().toBodilessEntity();
    }

    private static Consumer<HttpHeaders> bearer(String token) {
        return headers -> headers.setBearerAuth(token);
    }
}
