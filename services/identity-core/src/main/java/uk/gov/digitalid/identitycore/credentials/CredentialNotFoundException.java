package uk.gov.digitalid.identitycore.credentials;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No credential with that id was issued here. */
public class CredentialNotFoundException extends ErrorResponseException {

    public CredentialNotFoundException() {
        super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No credential with that id."), null);
    }
}
