package uk.gov.digitalid.gateway.ratelimits;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Redis, which holds sessions, failure counts and rate-limit buckets, does not answer. What depends
 * on it fails closed (503 with Retry-After) rather than run without its limits.
 */
public class RedisUnavailableException extends ErrorResponseException {

    public RedisUnavailableException(Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE,
                ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "This is unavailable for a moment. Try again shortly."), cause);
        getHeaders().set("Retry-After", "5");
    }
}
