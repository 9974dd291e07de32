package uk.gov.digitalid.backing;

import java.time.Duration;

/**
 * A running backing server: how to reach it, where it came from, how long it took to become
 * ready, and how to stop it (a no-op for servers given by the environment).
 *
 * @param <C> the connection details type
 */
public record Started<C>(C connection, Source source, String version, Duration startup, Stopper stopper)
        implements AutoCloseable {

    /** Stops a server; may throw anything, the caller logs it. */
    @FunctionalInterface
    public interface Stopper {
        void stop() throws Exception;
    }

    public static <C> Started<C> external(C connection) {
        return new Started<>(connection, Source.ENVIRONMENT, "external", Duration.ZERO, () -> { });
    }

    @Override
    public void close() throws Exception {
        stopper.stop();
    }
}
