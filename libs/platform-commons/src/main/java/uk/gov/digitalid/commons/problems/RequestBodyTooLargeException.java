package uk.gov.digitalid.commons.problems;

import java.io.IOException;

/** Thrown while reading a request body that grows past the configured limit. */
public class RequestBodyTooLargeException extends IOException {

    private final long limit;

    public RequestBodyTooLargeException(long limit) {
        super("Request body larger than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
