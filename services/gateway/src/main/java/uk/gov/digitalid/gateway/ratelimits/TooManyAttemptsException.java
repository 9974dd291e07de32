package uk.gov.digitalid.gateway.ratelimits;

import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 429 with Retry-After: progressive delay, temporary lockout, or too many failures from one address. */
public class TooManyAttemptsException extends ErrorResponseException {

    public TooManyAttemptsException(Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS,
                ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, "Too many attempts. Try again later."), null);
        getHeaders().set("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds() + (retryAfter.toMillisPart() > 0 ? 1 : 0))));
    }
}
