package uk.gov.digitalid.govsandbox.dvla;

import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;

/** DVLA's error body: {@code {"errors": [{"status", "code", "title", "detail"}]}}. */
final class DvlaErrors {

    private DvlaErrors() {
    }

    static ResponseEntity<Object> error(int status, String title, String detail) {
        return ResponseEntity.status(status).body(Map.of("errors", List.of(Map.of(
                "status", String.valueOf(status), "code", String.valueOf(status), "title", title, "detail", detail))));
    }

    static ResponseEntity<Object> forStatus(int status, String notFoundDetail) {
        return switch (status) {
            case 400 -> error(400, "Bad Request", "The request could not be understood");
            case 401 -> error(401, "Unauthorized", "The ID token is missing, invalid or expired");
            case 403 -> error(403, "Forbidden", "The API key is missing or invalid");
            case 404 -> error(404, "Not Found", notFoundDetail);
            case 429 -> error(429, "Too Many Requests", "Too many requests in a given period");
            case 503 -> error(503, "Service Unavailable", "The service is temporarily unavailable");
            default -> error(status, "Internal Server Error", "Internal server error");
        };
    }
}
