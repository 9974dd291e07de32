package uk.gov.digitalid.platformctl.policies;

/** A policy expression that does not compile or could not be evaluated on an object. */
public class CelExpressionException extends RuntimeException {

    public CelExpressionException(String message, Throwable cause) {
        super(message, cause);
    }
}
