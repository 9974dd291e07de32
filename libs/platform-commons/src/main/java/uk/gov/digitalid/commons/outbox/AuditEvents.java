package uk.gov.digitalid.commons.outbox;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import uk.gov.digitalid.commons.events.CloudEventCodec;
import uk.gov.digitalid.commons.events.CloudEventSender;
import uk.gov.digitalid.commons.events.EventType;
import uk.gov.digitalid.commons.events.Topics;

/**
 * Audit events on {@code audit-logs}, keyed by subject so one citizen's events stay ordered.
 *
 * <p>{@link #record} is for state changes and goes through the outbox: inside the caller's
 * transaction when there is one (so the event exists if and only if the change commits), else in a
 * transaction of its own. {@link #recordObservation} is for hot-path observations that change no
 * state (a relying party verifying a credential): there is no transaction to be atomic with, so the
 * event goes straight to Kafka through the idempotent producer, without a database write per request.
 * The price is that an observation accepted in the last few milliseconds before a crash can be lost;
 * failed sends are logged and counted ({@code digitalid.audit.observations.failed}).
 */
public class AuditEvents {

    private static final Logger log = LoggerFactory.getLogger(AuditEvents.class);

    private final EventOutbox outbox;
    private final CloudEventCodec codec;
    private final TransactionTemplate transactions;
    private final CloudEventSender sender;
    private final TraceContextCapture traceContext;
    private final Counter failedObservations;

    public AuditEvents(EventOutbox outbox, CloudEventCodec codec, TransactionTemplate transactions,
                       CloudEventSender sender, TraceContextCapture traceContext, MeterRegistry meters) {
        this.outbox = outbox;
        this.codec = codec;
        this.transactions = transactions;
        this.sender = sender;
        this.traceContext = traceContext;
        this.failedObservations = Counter.builder("digitalid.audit.observations.failed")
                .description("Observation audit events Kafka did not accept").register(meters);
    }

    public void record(EventType type, String subject, Map<String, ?> data) {
        transactions.executeWithoutResult(tx -> outbox.append(Topics.AUDIT_LOGS, subject, codec.create(type, subject, data)));
    }

    public void recordObservation(EventType type, String subject, Map<String, ?> data) {
        CloudEvent event = codec.create(type, subject, data);
        sender.send(Topics.AUDIT_LOGS, subject, codec.serialize(event), traceContext.current()).whenComplete((sent, failure) -> {
            if (failure != null) {
                failedObservations.increment();
                log.warn("Observation {} {} was not accepted by Kafka: {}", event.getType(), event.getId(), failure.toString());
            }
        });
    }
}
