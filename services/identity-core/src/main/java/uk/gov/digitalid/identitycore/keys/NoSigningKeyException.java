package uk.gov.digitalid.identitycore.keys;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Rotation was asked for, but no unused key is mounted to rotate to. */
public class NoSigningKeyException extends ErrorResponseException {

    public NoSigningKeyException(String detail) {
        super(HttpStatus.CONFLICT, ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail), null);
    }
}
