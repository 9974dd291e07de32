package uk.gov.digitalid.govconnectors.upstreams;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import java.util.function.Supplier;

/**
 * Resilience4j around one upstream, in the usual order: retry (reads only) outside the circuit breaker,
 * the breaker outside the bulkhead. A refused call (open breaker, full bulkhead) fails at once with 503
 * and {@code Retry-After}; a failed one with 502 or 504.
 */
public class UpstreamGuard {

    private final String name;
    private final CircuitBreaker breaker;
    private final Bulkhead bulkhead;
    private final Retry retry;
    private final long retryAfterSeconds;

    public UpstreamGuard(String name, CircuitBreaker breaker, Bulkhead bulkhead, Retry retry, long retryAfterSeconds) {
        this.name = name;
        this.breaker = breaker;
        this.bulkhead = bulkhead;
        this.retry = retry;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** A call that must not be repeated (it may change something upstream): never retried. */
    public <T> T call(Supplier<T> call) {
        return translate(CircuitBreaker.decorateSupplier(breaker, Bulkhead.decorateSupplier(bulkhead, call)));
    }

    /** An idempotent read: transient failures are retried with backoff while the breaker allows. */
    public <T> T read(Supplier<T> call) {
        return translate(Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, Bulkhead.decorateSupplier(bulkhead, call))));
    }

    public CircuitBreaker breaker() {
        return breaker;
    }

    private <T> T translate(Supplier<T> guarded) {
        try {
            return guarded.get();
        } catch (CallNotPermittedException e) {
            throw UpstreamUnavailableException.notTried(name, "its circuit breaker is open after repeated failures", retryAfterSeconds, e);
        } catch (BulkheadFullException e) {
            throw UpstreamUnavailableException.notTried(name, "too many calls are already waiting for it", 1, e);
        } catch (UpstreamCallException e) {
            throw UpstreamUnavailableException.failed(name, e);
        }
    }
}
