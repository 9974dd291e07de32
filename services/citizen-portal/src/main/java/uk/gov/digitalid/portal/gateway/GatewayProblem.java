package uk.gov.digitalid.portal.gateway;

import java.util.Map;

/**
 * A gateway answer that is not a success: its status, its detail, the fields it named as wrong, and
 * how long to wait when it said so ({@code Retry-After}).
 */
public class GatewayProblem extends RuntimeException {

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
}
