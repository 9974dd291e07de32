package uk.gov.digitalid.webpages.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.client.ClientHttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A gateway answer that is not a success: its status, its detail, the fields it named as wrong, and
 * how long to wait when it said so ({@code Retry-After}).
 */
public class GatewayProblem extends RuntimeException {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int status;
    private final Map<String, String> fields;
    private final Long retryAfterSeconds;

    public GatewayProblem(int status, String detail, Map<String, String> fields, Long retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.fields = fields;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public Map<String, String> fields() {
        return fields;
    }

    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The problem in a gateway answer: RFC 9457 {@code detail} and the {@code errors} list of field and message. */
    public static GatewayProblem from(ClientHttpResponse response) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        String detail = response.getStatusText();
        try {
            JsonNode body = JSON.readTree(new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8));
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
        String retryAfter = response.getHeaders().getFirst("Retry-After");
        return new GatewayProblem(response.getStatusCode().value(), detail, fields,
                retryAfter != null && retryAfter.matches("[0-9]{1,9}") ? Long.valueOf(retryAfter) : null);
    }
}
