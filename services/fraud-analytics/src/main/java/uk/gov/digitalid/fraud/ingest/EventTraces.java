package uk.gov.digitalid.fraud.ingest;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A consumer span per audit event, continuing the trace whose context ({@code traceparent}) the
 * producing service put in the record's headers. Batches are processed together, so the spans are
 * started before and ended after the batch.
 */
@Component
class EventTraces {

    private final Tracer tracer;
    private final Propagator propagator;

    EventTraces(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this.tracer = tracer.getIfAvailable();
        this.propagator = propagator.getIfAvailable();
    }

    Span start(ConsumerRecord<String, byte[]> record, String eventType) {
        if (tracer == null || propagator == null) {
            return Span.NOOP;
        }
        return propagator.extract(record, (carrier, key) -> {
            Header header = carrier.headers().lastHeader(key);
            return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }).name("audit-logs process").kind(Span.Kind.CONSUMER).tag("event.type", eventType).start();
    }
}
