package uk.gov.digitalid.fraud.auditlog;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Appends events to the hash-chained {@code audit_logs}. Call inside a transaction: the chain head is
 * locked for its duration, so appends from every instance are serial and each row's
 * {@code prev_hash} is the hash of the row before it. Events already stored (a redelivery) are
 * skipped, so each event is in the log once.
 */
@Component
public class AuditLog {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    AuditLog(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** @return the events that were new, in order; the others were already in the log */
    public List<CanonicalEvent> append(List<CanonicalEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        String head = jdbc.sql("select last_hash from audit_chain_head where id = 1 for update").query(String.class).single();
        Set<String> stored = new HashSet<>(jdbc.sql("select event_id from audit_logs where event_id in (:ids)")
                .param("ids", events.stream().map(CanonicalEvent::eventId).toList()).query(String.class).list());
        List<CanonicalEvent> fresh = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        String previous = head;
        for (CanonicalEvent event : events) {
            if (!stored.add(event.eventId())) {
                continue;
            }
            String hash = CanonicalEvent.chainHash(previous, event.json());
            rows.add(new Object[] {event.eventId(), event.type(), event.subject(), Timestamp.from(event.time().toInstant()), event.json(), previous, hash});
            fresh.add(event);
            previous = hash;
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        batch.batchUpdate("""
                insert into audit_logs (event_id, event_type, subject, occurred_at, event, prev_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?)""", rows);
        jdbc.sql("update audit_chain_head set last_hash = :hash, last_id = (select max(id) from audit_logs) where id = 1")
                .param("hash", previous).update();
        return fresh;
    }
}
