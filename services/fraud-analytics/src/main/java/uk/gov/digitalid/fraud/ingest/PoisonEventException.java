package uk.gov.digitalid.fraud.ingest;

/** A record on {@code audit-logs} that can never be processed: not a CloudEvent, or missing what an audit event needs. */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
