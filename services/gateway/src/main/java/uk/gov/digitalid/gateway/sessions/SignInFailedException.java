package uk.gov.digitalid.gateway.sessions;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Wrong email or password: one answer for both, so it says nothing about which accounts exist. */
public class SignInFailedException extends ErrorResponseException {

    public SignInFailedException() {
        super(HttpStatus.UNAUTHORIZED,
                ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "The email address or password is wrong."), null);
    }
}
