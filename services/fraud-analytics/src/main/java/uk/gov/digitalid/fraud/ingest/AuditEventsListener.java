package uk.gov.digitalid.fraud.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.tracing.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import uk.gov.digitalid.commons.events.Topics;
import uk.gov.digitalid.fraud.alerts.Alerts;
import uk.gov.digitalid.fraud.auditlog.AuditLog;
import uk.gov.digitalid.fraud.auditlog.CanonicalEvent;
import uk.gov.digitalid.fraud.scoring.RiskScorer;

/**
 * Consumes {@code audit-logs} in batches: scores the events not yet in the audit log (a redelivered
 * event is skipped), then in one transaction appends them to the log and raises alerts; the offsets
 * are committed after that transaction. A poison record ends the good prefix of
 * its batch and goes to the DLQ; consumption carries on after it. Each event's processing continues
 * the trace whose context came in its Kafka headers.
 */
@Component
class AuditEventsListener {

    private final AuditLog auditLog;
    private final RiskScorer scorer;
    private final Alerts alerts;
    private final TransactionTemplate transactions;
    private final EventTraces traces;
    private final Map<String, Timer> phases;

    AuditEventsListener(AuditLog auditLog, RiskScorer scorer, Alerts alerts, TransactionTemplate transactions,
                        EventTraces traces, MeterRegistry meters) {
        this.auditLog = auditLog;
        this.scorer = scorer;
        this.alerts = alerts;
        this.transactions = transactions;
        this.traces = traces;
        this.phases = new HashMap<>();
        for (String phase : new String[] {"append", "score", "alert", "batch"}) {
            phases.put(phase, Timer.builder("fraud.ingest.phase").description("Time per audit-logs batch, by phase").tag("phase", phase)
                    .register(meters));
        }
    }

    @KafkaListener(id = "audit-events", topics = Topics.AUDIT_LOGS, containerFactory = "auditEventsContainerFactory")
    void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        List<CanonicalEvent> events = new ArrayList<>(records.size());
        PoisonEventException poison = null;
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                events.add(CanonicalEvent.parse(record.value()));
            } catch (RuntimeException e) {
                poison = new PoisonEventException("not an audit event: " + e.getMessage(), e);
                break;
            }
        }
        List<Span> spans = spans(records.subList(0, events.size()), events);
        Timer.Sample batch = Timer.start();
        try {
            // Scored before the chain is locked, so batches from other partitions append while this one waits on Redis.
            // A batch that fails after scoring is scored again when redelivered: windows may over-count, never miss.
            List<CanonicalEvent> fresh = auditLog.unseen(events);
            var assessments = phases.get("score").record(() -> scorer.score(fresh));
            transactions.executeWithoutResult(tx -> {
                phases.get("append").record(() -> auditLog.append(fresh));
                phases.get("alert").record(() -> alerts.raise(assessments));
            });
        } finally {
            spans.forEach(Span::end);
            batch.stop(phases.get("batch"));
        }
        if (poison != null) {
            throw new BatchListenerFailedException(poison.getMessage(), poison, events.size());
        }
    }

    private List<Span> spans(List<ConsumerRecord<String, byte[]>> records, List<CanonicalEvent> events) {
        List<Span> spans = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            spans.add(traces.start(records.get(i), events.get(i).type()));
        }
        return spans;
    }
}
