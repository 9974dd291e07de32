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
 * Appends events to the hash-chained {@code audit_logs}. The chain head is locked for the rest of the
 * appending transaction, so appends from every instance are serial and each row's {@code prev_hash}
 * is the hash of the row before it. Events already stored (a redelivery) are filtered out first
 * ({@link #unseen}), and the unique event id guarantees each event is in the log once.
 */
@Component
public class AuditLog {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    AuditLog(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** The events not in the log yet, in order, each once (a batch can hold a redelivered copy too). */
    public List<CanonicalEvent> unseen(List<CanonicalEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        Set<String> stored = new HashSet<>(jdbc.sql("select event_id from audit_logs where event_id = any(:ids)")
                .param("ids", events.stream().map(CanonicalEvent::eventId).toArray(String[]::new)).query(String.class).list());
        List<CanonicalEvent> unseen = new ArrayList<>();
        for (CanonicalEvent event : events) {
            if (stored.add(event.eventId())) {
                unseen.add(event);
            }
        }
        return unseen;
    }

    /**
     * Appends events to the chain (call inside a transaction, with events from {@link #unseen}). Should
     * another instance have stored one of them meanwhile, the unique event id fails the transaction and
     * the batch is retried.
     */
    public void append(List<CanonicalEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        String head = jdbc.sql("select last_hash from audit_chain_head where id = 1 for update").query(String.class).single();
        List<String> ids = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<String> subjects = new ArrayList<>();
        List<Timestamp> times = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        List<String> previousHashes = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        String previous = head;
        for (CanonicalEvent event : events) {
            String hash = CanonicalEvent.chainHash(previous, event.json());
            ids.add(event.eventId());
            types.add(event.type());
            subjects.add(event.subject());
            times.add(Timestamp.from(event.time().toInstant()));
            bodies.add(event.json());
            previousHashes.add(previous);
            hashes.add(hash);
            previous = hash;
        }
        // One statement for the batch: arrays unnested in order, so ids follow the chain.
        batch.update(con -> {
            var insert = con.prepareStatement("""
                    insert into audit_logs (event_id, event_type, subject, occurred_at, event, prev_hash, hash)
                    select event_id, event_type, subject, occurred_at, event, prev_hash, hash
                    from unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::text[], ?::text[]) with ordinality
                        as rows(event_id, event_type, subject, occurred_at, event, prev_hash, hash, position)
                    order by position""");
            insert.setArray(1, con.createArrayOf("text", ids.toArray()));
            insert.setArray(2, con.createArrayOf("text", types.toArray()));
            insert.setArray(3, con.createArrayOf("text", subjects.toArray()));
            insert.setArray(4, con.createArrayOf("timestamptz", times.toArray()));
            insert.setArray(5, con.createArrayOf("text", bodies.toArray()));
            insert.setArray(6, con.createArrayOf("text", previousHashes.toArray()));
            insert.setArray(7, con.createArrayOf("text", hashes.toArray()));
            return insert;
        });
        jdbc.sql("update audit_chain_head set last_hash = :hash, last_id = (select max(id) from audit_logs) where id = 1")
                .param("hash", previous).update();
    }
}
