package uk.gov.digitalid.gateway.sessions;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Redis, which counts failed sign-ins and holds sessions, does not answer. Sign-in fails closed
 * rather than run without its limits.
 */
public class SignInUnavailableException extends ErrorResponseException {

    public SignInUnavailableException(Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE,
                ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "Signing in is unavailable. Try again shortly."), cause);
        getHeaders().set("Retry-After", "5");
    }
}
