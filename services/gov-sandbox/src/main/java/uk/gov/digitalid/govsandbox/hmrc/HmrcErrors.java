package uk.gov.digitalid.govsandbox.hmrc;

import java.util.Map;
import org.springframework.http.ResponseEntity;

/** HMRC's error body: {@code {"code": "...", "message": "..."}}. */
final class HmrcErrors {

    private HmrcErrors() {
    }

    static ResponseEntity<Object> error(int status, String code, String message) {
        return ResponseEntity.status(status).body(Map.of("code", code, "message", message));
    }

    static ResponseEntity<Object> forStatus(int status) {
        return switch (status) {
            case 400 -> error(400, "INVALID_REQUEST", "Invalid request");
            case 401 -> error(401, "INVALID_CREDENTIALS", "Invalid Authentication information provided");
            case 403 -> error(403, "UNAUTHORIZED", "Insufficient scopes");
            case 404 -> error(404, "MATCHING_FAILED", "There is no match for the information provided");
            case 429 -> error(429, "MESSAGE_THROTTLED_OUT", "The request for the API is throttled as you have exceeded your quota.");
            case 503 -> error(503, "SERVER_ERROR", "Service unavailable");
            default -> error(status, "INTERNAL_SERVER_ERROR", "Internal server error");
        };
    }
}
