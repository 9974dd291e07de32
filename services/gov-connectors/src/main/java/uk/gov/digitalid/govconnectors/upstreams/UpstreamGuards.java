package uk.gov.digitalid.govconnectors.upstreams;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Builds each upstream's {@link UpstreamGuard} and HTTP client from {@link ResilienceProperties}, with
 * the breaker, bulkhead and retry metrics on {@code /actuator/prometheus}
 * ({@code resilience4j_circuitbreaker_state}, {@code resilience4j_bulkhead_available_concurrent_calls},
 * {@code resilience4j_retry_calls_total}...).
 */
@Component
public class UpstreamGuards {

    private final ResilienceProperties properties;
    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
    private final BulkheadRegistry bulkheads = BulkheadRegistry.ofDefaults();
    private final RetryRegistry retries = RetryRegistry.ofDefaults();

    UpstreamGuards(ResilienceProperties properties, MeterRegistry meters) {
        this.properties = properties;
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
        TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(meters);
        TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meters);
    }

    public UpstreamGuard guard(String upstream) {
        ResilienceSettings settings = properties.of(upstream);
        var breaker = breakers.circuitBreaker(upstream, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.minimumNumberOfCalls())
                .failureRateThreshold(settings.failureRateThreshold())
                .slowCallDurationThreshold(settings.slowCallThreshold())
                .waitDurationInOpenState(settings.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(settings.permittedCallsInHalfOpenState())
                .build());
        Bulkhead bulkhead = bulkheads.bulkhead(upstream, BulkheadConfig.custom()
                .maxConcurrentCalls(settings.maxConcurrentCalls())
                .maxWaitDuration(settings.maxWaitForBulkhead())
                .build());
        var retry = retries.retry(upstream, RetryConfig.custom()
                .maxAttempts(settings.retryAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(settings.retryBackoff(), 2.0))
                .retryOnException(e -> e instanceof UpstreamCallException failure && failure.isTransient())
                .build());
        return new UpstreamGuard(upstream, breaker, bulkhead, retry, settings.waitInOpenState().toSeconds());
    }

    /**
     * A client with this upstream's connect and read timeouts. HTTP/1.1: the JDK client's default
     * HTTP/2 would try an h2c upgrade on plain-HTTP upstreams (the sandbox, stubs), which some servers
     * answer by dropping the connection.
     */
    public RestClient client(String upstream, RestClient.Builder builder, String baseUrl) {
        ResilienceSettings settings = properties.of(upstream);
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build());
        requests.setReadTimeout(settings.readTimeout());
        return builder.clone().baseUrl(baseUrl).requestFactory(requests).build();
    }

    public CircuitBreakerRegistry breakers() {
        return breakers;
    }
}
