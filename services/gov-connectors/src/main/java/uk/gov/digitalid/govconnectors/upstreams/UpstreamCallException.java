package uk.gov.digitalid.govconnectors.upstreams;

/**
 * An upstream call that did not produce an answer. {@code transientFailure} ones (5xx, 429, I/O errors
 * and timeouts) may succeed if repeated, so idempotent reads retry them; the others (refused
 * credentials, a request the upstream calls invalid) will not.
 */
public class UpstreamCallException extends RuntimeException {

    private final boolean transientFailure;
    private final boolean timeout;

    public UpstreamCallException(String message, boolean transientFailure, boolean timeout, Throwable cause) {
        super(message, cause);
        this.transientFailure = transientFailure;
        this.timeout = timeout;
    }

    public static UpstreamCallException forStatus(String upstream, int status, String code) {
        boolean transientFailure = status == 429 || status >= 500;
        return new UpstreamCallException(upstream + " answered " + status + (code == null ? "" : " " + code), transientFailure, false, null);
    }

    public boolean isTransient() {
        return transientFailure;
    }

    public boolean isTimeout() {
        return timeout;
    }
}
