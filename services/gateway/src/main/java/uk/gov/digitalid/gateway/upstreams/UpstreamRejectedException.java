package uk.gov.digitalid.gateway.upstreams;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An internal service refused the request as invalid: the caller gets the same 4xx, with no internals. */
public class UpstreamRejectedException extends ErrorResponseException {

    public UpstreamRejectedException(int status, String body) {
        super(HttpStatusCode.valueOf(status), ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status),
                status == HttpStatus.BAD_REQUEST.value() && body.contains("not a well-formed JWT")
                        ? "The credential is not a well-formed JWT." : "The request was refused."), null);
    }
}
