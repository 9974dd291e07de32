package uk.gov.digitalid.govconnectors.upstreams;

import java.time.Duration;

/**
 * How one upstream is protected: HTTP timeouts; a count-based circuit breaker; a semaphore bulkhead;
 * retries with exponential backoff, used only by idempotent reads.
 */
public record ResilienceSettings(
        Duration connectTimeout,
        Duration readTimeout,
        int failureRateThreshold,
        int slidingWindowSize,
        int minimumNumberOfCalls,
        Duration waitInOpenState,
        int permittedCallsInHalfOpenState,
        Duration slowCallThreshold,
        int maxConcurrentCalls,
        Duration maxWaitForBulkhead,
        int retryAttempts,
        Duration retryBackoff) {
}
