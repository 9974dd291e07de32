package uk.gov.digitalid.commons.outbox;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The current trace context as propagation headers ({@code traceparent}...), stored with an
 * outbox row so the relayed Kafka record continues the trace of the request that caused it.
 */
public interface TraceContextCapture {

    Map<String, String> current();

    static TraceContextCapture none() {
        return Map::of;
    }

    static TraceContextCapture of(Tracer tracer, Propagator propagator) {
        return () -> {
            Span span = tracer.currentSpan();
            if (span == null) {
                return Map.of();
            }
            Map<String, String> headers = new LinkedHashMap<>();
            propagator.inject(span.context(), headers, Map::put);
            return headers;
        };
    }
}
