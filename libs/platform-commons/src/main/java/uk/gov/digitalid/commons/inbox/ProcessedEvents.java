package uk.gov.digitalid.commons.inbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes an event consumer idempotent: the event id is recorded in the same transaction as the
 * effect, so a redelivered event (after a relay restart or a consumer rebalance) has no second effect.
 */
public class ProcessedEvents {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public ProcessedEvents(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * Runs {@code effect} unless this consumer already processed {@code eventId}; returns whether it
     * ran. If the effect throws, nothing is recorded and a redelivery will try again.
     */
    public boolean processOnce(String consumer, String eventId, Runnable effect) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            int inserted = jdbc.sql("""
                            insert into processed_events (consumer, event_id) values (:consumer, :eventId)
                            on conflict do nothing""")
                    .param("consumer", consumer)
                    .param("eventId", eventId)
                    .update();
            if (inserted == 0) {
                return false;
            }
            effect.run();
            return true;
        }));
    }
}
