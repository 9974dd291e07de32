package uk.gov.digitalid.govconnectors.upstreams;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * What the internal API answers when an upstream gives no usable answer: 503 with {@code Retry-After}
 * when the call was not even tried (circuit open, bulkhead full), 504 after a timeout, 502 otherwise.
 */
public class UpstreamUnavailableException extends ErrorResponseException {

    private UpstreamUnavailableException(HttpStatus status, String detail, long retryAfterSeconds, Throwable cause) {
        super(status, ProblemDetail.forStatusAndDetail(status, detail), cause);
        if (retryAfterSeconds > 0) {
            getHeaders().set("Retry-After", Long.toString(retryAfterSeconds));
        }
    }

    static UpstreamUnavailableException notTried(String upstream, String why, long retryAfterSeconds, Throwable cause) {
        return new UpstreamUnavailableException(HttpStatus.SERVICE_UNAVAILABLE, upstream + " is not being called: " + why + ".",
                Math.max(1, retryAfterSeconds), cause);
    }

    static UpstreamUnavailableException failed(String upstream, UpstreamCallException cause) {
        return cause.isTimeout()
                ? new UpstreamUnavailableException(HttpStatus.GATEWAY_TIMEOUT, upstream + " did not answer in time.", 0, cause)
                : new UpstreamUnavailableException(HttpStatus.BAD_GATEWAY, upstream + " did not give a usable answer.", 0, cause);
    }
}
