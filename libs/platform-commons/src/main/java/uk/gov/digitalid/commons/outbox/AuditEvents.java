package uk.gov.digitalid.commons.outbox;

import java.util.Map;
import org.springframework.transaction.support.TransactionTemplate;
import uk.gov.digitalid.commons.events.CloudEventCodec;
import uk.gov.digitalid.commons.events.EventType;
import uk.gov.digitalid.commons.events.Topics;

/**
 * Audit events on {@code audit-logs}, keyed by subject so one citizen's events stay ordered, through
 * the outbox: inside the caller's transaction when there is one (so the event exists if and only if
 * the change commits), else in a transaction of its own.
 */
public class AuditEvents {

    private final EventOutbox outbox;
    private final CloudEventCodec codec;
    private final TransactionTemplate transactions;

    public AuditEvents(EventOutbox outbox, CloudEventCodec codec, TransactionTemplate transactions) {
        this.outbox = outbox;
        this.codec = codec;
        this.transactions = transactions;
    }

    public void record(EventType type, String subject, Map<String, ?> data) {
        transactions.executeWithoutResult(tx -> outbox.append(Topics.AUDIT_LOGS, subject, codec.create(type, subject, data)));
    }
}
