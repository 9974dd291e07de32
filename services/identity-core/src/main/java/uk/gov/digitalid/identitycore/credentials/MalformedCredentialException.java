package uk.gov.digitalid.identitycore.credentials;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The token is not a JWT at all: a 400 problem, unlike a well-formed token that fails checks. */
public class MalformedCredentialException extends ErrorResponseException {

    public MalformedCredentialException(String detail) {
        super(HttpStatus.BAD_REQUEST, ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail), null);
    }
}
