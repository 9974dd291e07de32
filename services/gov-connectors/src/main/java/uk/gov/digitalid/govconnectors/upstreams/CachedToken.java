package uk.gov.digitalid.govconnectors.upstreams;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * An upstream access token, fetched when first needed and again once its refresh time (shortly before
 * its expiry) has passed or the upstream has refused it. Thread-safe; one fetch at a time.
 */
public class CachedToken {

    /** A token and the moment after which it should be replaced. */
    public record Token(String value, Instant refreshAfter) {
    }

    private final Supplier<Token> fetch;
    private final Clock clock;
    private Token token;

    public CachedToken(Supplier<Token> fetch, Clock clock) {
        this.fetch = fetch;
        this.clock = clock;
    }

    public synchronized String current() {
        if (token == null || !clock.instant().isBefore(token.refreshAfter())) {
            token = fetch.get();
        }
        return token.value();
    }

    /** Drops the cached token if it is still this one (the upstream refused it). */
    public synchronized void invalidate(String refused) {
        if (token != null && token.value().equals(refused)) {
            token = null;
        }
    }
}
