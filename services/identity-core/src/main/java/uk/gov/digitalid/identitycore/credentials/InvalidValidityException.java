package uk.gov.digitalid.identitycore.credentials;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The requested validity is not positive or longer than the issuer allows. */
public class InvalidValidityException extends ErrorResponseException {

    public InvalidValidityException(Duration max) {
        super(HttpStatus.BAD_REQUEST, problem(max), null);
    }

    private static ProblemDetail problem(Duration max) {
        String message = "must be positive and at most " + max;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid field 'validity': " + message + ".");
        problem.setProperty("errors", List.of(Map.of("field", "validity", "message", message)));
        return problem;
    }
}
