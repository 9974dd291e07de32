package uk.gov.digitalid.gateway.upstreams;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.util.UriBuilder;

/**
 * fraud-analytics' API for the admin dashboard: alerts (list, acknowledge, resolve), risk per account,
 * audit trail per subject, chain verification and system-metrics snapshots. Its 404 and 409 answers
 * are passed on; anything else that fails is {@link UpstreamUnavailableException}.
 */
public class FraudAnalyticsClient {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };

    private final RestClient http;

    public FraudAnalyticsClient(RestClient http) {
        this.http = http;
    }

    public List<Map<String, Object>> alerts(String status, String severity, String subject, int limit) {
        return call(() -> http.get().uri(uri -> optional(optional(optional(uri.path("/v1/alerts"), "status", status), "severity", severity),
                "subject", subject).queryParam("limit", limit).build()).retrieve().body(LIST));
    }

    public Map<String, Object> alert(UUID alert) {
        return call(() -> http.get().uri("/v1/alerts/{id}", alert).retrieve().body(OBJECT));
    }

    public Map<String, Object> acknowledge(UUID alert, String operator, String note) {
        return call(() -> http.post().uri("/v1/alerts/{id}/acknowledge", alert).body(action(operator, note)).retrieve().body(OBJECT));
    }

    public Map<String, Object> resolve(UUID alert, String operator, String note) {
        return call(() -> http.post().uri("/v1/alerts/{id}/resolve", alert).body(action(operator, note)).retrieve().body(OBJECT));
    }

    public Map<String, Object> risk(UUID account) {
        return call(() -> http.get().uri("/v1/accounts/{id}/risk", account).retrieve().body(OBJECT));
    }

    public Map<String, Object> auditTrail(String subject) {
        return call(() -> http.get().uri("/v1/audit-trail/{subject}", subject).retrieve().body(OBJECT));
    }

    public Map<String, Object> chainVerification() {
        return call(() -> http.get().uri("/v1/audit-log/verification").retrieve().body(OBJECT));
    }

    public List<Map<String, Object>> systemMetrics() {
        return call(() -> http.get().uri("/v1/system-metrics").retrieve().body(LIST));
    }

    private static Map<String, Object> action(String operator, String note) {
        return note == null ? Map.of("operator", operator) : Map.of("operator", operator, "note", note);
    }

    private static UriBuilder optional(UriBuilder uri, String name, String value) {
        return value == null || value.isBlank() ? uri : uri.queryParam(name, value);
    }

    private static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().value() == 404 || e.getStatusCode().value() == 409 || e.getStatusCode().value() == 400) {
                HttpStatus status = HttpStatus.valueOf(e.getStatusCode().value());
                ProblemDetail upstream = e.getResponseBodyAs(ProblemDetail.class);
                throw new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status,
                        upstream != null && upstream.getDetail() != null ? upstream.getDetail() : status.getReasonPhrase()), e);
            }
            throw new UpstreamUnavailableException("Fraud analytics", e);
        } catch (RestClientException e) {
            throw new UpstreamUnavailableException("Fraud analytics", e);
        }
    }
}
