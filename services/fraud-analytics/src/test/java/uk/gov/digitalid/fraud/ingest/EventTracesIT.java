package uk.gov.digitalid.fraud.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.Span;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import uk.gov.digitalid.backing.junit.WithBackingServices;

@SpringBootTest
@ActiveProfiles("it")
@WithBackingServices
class EventTracesIT {

    @Autowired EventTraces traces;

    @Test
    void anEventsSpanContinuesTheTraceFromItsKafkaHeaders() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("audit-logs", 0, 0, "key", new byte[0]);
        record.headers().add("traceparent", ("00-" + traceId + "-00f067aa0ba902b7-01").getBytes(StandardCharsets.UTF_8));

        Span span = traces.start(record, "uk.gov.digitalid.session.login-failed");
        try {
            assertThat(span.context().traceId()).isEqualTo(traceId);
            assertThat(span.context().parentId()).isEqualTo("00f067aa0ba902b7");
        } finally {
            span.end();
        }

        Span fresh = traces.start(new ConsumerRecord<>("audit-logs", 0, 1, "key", new byte[0]), "t");
        assertThat(fresh.context().traceId()).as("no header: a new trace").isNotEqualTo(traceId).isNotBlank();
        fresh.end();
    }
}
