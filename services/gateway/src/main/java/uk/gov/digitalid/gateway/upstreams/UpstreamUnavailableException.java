package uk.gov.digitalid.gateway.upstreams;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An internal service did not answer in time or failed: 503, nothing recorded, try again later. */
public class UpstreamUnavailableException extends ErrorResponseException {

    public UpstreamUnavailableException(String what, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE,
                ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, what + " is unavailable. Try again shortly."), cause);
        getHeaders().set("Retry-After", "10");
    }
}
