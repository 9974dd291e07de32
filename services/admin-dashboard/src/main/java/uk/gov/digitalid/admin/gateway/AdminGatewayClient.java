package uk.gov.digitalid.admin.gateway;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import uk.gov.digitalid.webpages.gateway.GatewayProblem;

/**
 * The gateway's admin API ({@code /api/v1/admin/**}) as the dashboard uses it. The operator's session
 * token travels as a bearer token; the gateway checks the ADMIN role on every call, names the operator
 * in the audit event of every action, and forwards to fraud-analytics and identity-core. Failures are
 * thrown as {@link GatewayProblem}s.
 */
@Component
public class AdminGatewayClient {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };

    private final RestClient http;

    AdminGatewayClient(RestClient gatewayRestClient) {
        this.http = gatewayRestClient;
    }

    /** @return the new operator session's token */
    public String signIn(String email, String password, String code, String clientIp) {
        Map<String, Object> session = http.post().uri("/api/v1/admin/sessions").header("X-Forwarded-For", clientIp)
                .body(Map.of("email", email, "password", password, "code", code)).retrieve().body(OBJECT);
        return (String) session.get("token");
    }

    public void signOut(String token) {
        http.delete().uri("/api/v1/admin/sessions/current").headers(bearer(token)).retrieve().toBodilessEntity();
    }

    /** @param status OPEN, ACKNOWLEDGED, RESOLVED or null for all; @param severity HIGH, CRITICAL or null for all */
    public List<Map<String, Object>> alerts(String token, String status, String severity) {
        return http.get().uri(uri -> {
            uri.path("/api/v1/admin/alerts").queryParam("limit", 100);
            if (status != null) {
                uri.queryParam("status", status);
            }
            if (severity != null) {
                uri.queryParam("severity", severity);
            }
            return uri.build();
        }).headers(bearer(token)).retrieve().body(LIST);
    }

    public Map<String, Object> alert(String token, UUID id) {
        return http.get().uri("/api/v1/admin/alerts/{id}", id).headers(bearer(token)).retrieve().body(OBJECT);
    }

    public void acknowledgeAlert(String token, UUID id, String note) {
        http.post().uri("/api/v1/admin/alerts/{id}/acknowledge", id).headers(bearer(token)).body(note(note)).retrieve().toBodilessEntity();
    }

    public void resolveAlert(String token, UUID id, String note) {
        http.post().uri("/api/v1/admin/alerts/{id}/resolve", id).headers(bearer(token)).body(note(note)).retrieve().toBodilessEntity();
    }

    public List<Map<String, Object>> searchAccounts(String token, String emailPrefix) {
        return http.get().uri(uri -> uri.path("/api/v1/admin/accounts").queryParam("email", emailPrefix).build())
                .headers(bearer(token)).retrieve().body(LIST);
    }

    /** The account with its credentials and fraud risk. */
    public Map<String, Object> account(String token, UUID id) {
        return http.get().uri("/api/v1/admin/accounts/{id}", id).headers(bearer(token)).retrieve().body(OBJECT);
    }

    public void lockAccount(String token, UUID id, String reason) {
        http.post().uri("/api/v1/admin/accounts/{id}/lock", id).headers(bearer(token)).body(Map.of("reason", reason))
                .retrieve().toBodilessEntity();
    }

    public void unlockAccount(String token, UUID id, String reason) {
        http.post().uri("/api/v1/admin/accounts/{id}/unlock", id).headers(bearer(token)).body(Map.of("reason", reason))
                .retrieve().toBodilessEntity();
    }

    public void revokeCredential(String token, UUID id, String note) {
        http.post().uri("/api/v1/admin/credentials/{id}/revoke", id).headers(bearer(token)).body(note(note)).retrieve().toBodilessEntity();
    }

    /** A subject's audit events, newest first, each with whether its link in the hash chain holds. */
    public Map<String, Object> auditTrail(String token, String subject) {
        return http.get().uri("/api/v1/admin/audit-trail/{subject}", subject).headers(bearer(token)).retrieve().body(OBJECT);
    }

    /** The whole audit log's hash chain, walked from the start. */
    public Map<String, Object> chainVerification(String token) {
        return http.get().uri("/api/v1/admin/audit-log/verification").headers(bearer(token)).retrieve().body(OBJECT);
    }

    /** The newest {@code system-metrics} snapshot of each service. */
    public List<Map<String, Object>> systemHealth(String token) {
        return http.get().uri("/api/v1/admin/system-health").headers(bearer(token)).retrieve().body(LIST);
    }

    private static Map<String, Object> note(String note) {
        return note == null || note.isBlank() ? Map.of() : Map.of("note", note.trim());
    }

    private static Consumer<HttpHeaders> bearer(String token) {
        return headers -> headers.setBearerAuth(token);
    }
}
