package uk.gov.digitalid.commons.problems;

import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builders for the problem bodies this library returns itself. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String detail, String instance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        HttpStatus known = HttpStatus.resolve(status.value());
        problem.setTitle(known == null ? "Error" : known.getReasonPhrase());
        if (instance != null) {
            problem.setInstance(URI.create(instance));
        }
        return problem;
    }

    /** A 500 that says nothing about the cause, with a reference to find it in the logs. */
    public static ProblemDetail internalError(String instance, UUID reference) {
        ProblemDetail problem = of(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. Quote the reference if you contact us.", instance);
        problem.setProperty("reference", reference.toString());
        return problem;
    }

    public static ProblemDetail bodyTooLarge(long limit, String instance) {
        return of(HttpStatus.CONTENT_TOO_LARGE, "The request body must not be larger than " + limit + " bytes.", instance);
    }
}
