package uk.gov.digitalid.fraud.ingest;

import io.cloudevents.CloudEvent;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import uk.gov.digitalid.commons.events.CloudEventCodec;
import uk.gov.digitalid.commons.events.Topics;
import uk.gov.digitalid.fraud.alerts.Alerts;
import uk.gov.digitalid.fraud.auditlog.AuditLog;
import uk.gov.digitalid.fraud.auditlog.CanonicalEvent;
import uk.gov.digitalid.fraud.scoring.RiskScorer;

/**
 * Consumes {@code audit-logs} in batches: in one transaction, appends the new events to the audit log
 * (a redelivered event is skipped, so it is neither stored nor scored twice), scores them and raises
 * alerts; the offsets are committed after that transaction. A poison record ends the good prefix of
 * its batch and goes to the DLQ; consumption carries on after it. Each event's processing continues
 * the trace whose context came in its Kafka headers.
 */
@Component
class AuditEventsListener {

    private final CloudEventCodec codec;
    private final AuditLog auditLog;
    private final RiskScorer scorer;
    private final Alerts alerts;
    private final TransactionTemplate transactions;
    private final Tracer tracer;
    private final Propagator propagator;

    AuditEventsListener(CloudEventCodec codec, AuditLog auditLog, RiskScorer scorer, Alerts alerts, TransactionTemplate transactions,
                        ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this.codec = codec;
        this.auditLog = auditLog;
        this.scorer = scorer;
        this.alerts = alerts;
        this.transactions = transactions;
        this.tracer = tracer.getIfAvailable();
        this.propagator = propagator.getIfAvailable();
    }

    @KafkaListener(id = "audit-events", topics = Topics.AUDIT_LOGS, containerFactory = "auditEventsContainerFactory")
    void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        List<CanonicalEvent> events = new ArrayList<>(records.size());
        PoisonEventException poison = null;
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                CloudEvent event = codec.deserialize(record.value());
                events.add(CanonicalEvent.of(event, record.value()));
            } catch (RuntimeException e) {
                poison = new PoisonEventException("not an audit event: " + e.getMessage(), e);
                break;
            }
        }
        List<Span> spans = spans(records.subList(0, events.size()), events);
        try {
            transactions.executeWithoutResult(tx -> alerts.raise(scorer.score(auditLog.append(events))));
        } finally {
            spans.forEach(Span::end);
        }
        if (poison != null) {
            throw new BatchListenerFailedException(poison.getMessage(), poison, events.size());
        }
    }

    private List<Span> spans(List<ConsumerRecord<String, byte[]>> records, List<CanonicalEvent> events) {
        if (tracer == null || propagator == null) {
            return List.of();
        }
        List<Span> spans = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, byte[]> record = records.get(i);
            Span span = propagator.extract(record, (carrier, key) -> {
                Header header = carrier.headers().lastHeader(key);
                return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
            }).name("audit-logs process").kind(Span.Kind.CONSUMER).tag("event.type", events.get(i).type()).start();
            spans.add(span);
        }
        return spans;
    }
}
