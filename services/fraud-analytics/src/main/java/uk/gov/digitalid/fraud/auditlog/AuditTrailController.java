package uk.gov.digitalid.fraud.auditlog;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit log for the admin dashboard: a subject's trail with each row checked against the chain,
 * and a walk of the whole chain ({@code platformctl} calls the same check).
 */
@RestController
@Validated
class AuditTrailController {

    record TrailEntry(long id, String eventId, String type, OffsetDateTime occurredAt, Map<String, Object> event, boolean intact, String problem) {
    }

    record Trail(String subject, boolean chainIntact, Long firstBrokenId, List<TrailEntry> events) {
    }

    private final JdbcClient jdbc;
    private final ChainVerification chain;

    AuditTrailController(JdbcClient jdbc, ChainVerification chain) {
        this.jdbc = jdbc;
        this.chain = chain;
    }

    @GetMapping("/v1/audit-trail/{subject}")
    Trail trail(@PathVariable @Pattern(regexp = "[A-Za-z0-9._:@-]{1,200}") String subject,
                @RequestParam(defaultValue = "200") @Min(1) @Max(1000) int limit) {
        List<TrailEntry> entries = new ArrayList<>();
        Long firstBroken = null;
        for (Map<String, Object> row : jdbc.sql("""
                        select a.id, a.event_id, a.event_type, a.subject, a.occurred_at, a.event, a.prev_hash, a.hash,
                               coalesce((select p.hash from audit_logs p where p.id < a.id order by p.id desc limit 1), :genesis) as predecessor_hash
                        from audit_logs a where a.subject = :subject order by a.id desc limit :limit""")
                .param("subject", subject).param("limit", limit).param("genesis", CanonicalEvent.GENESIS).query().listOfRows()) {
            long id = ((Number) row.get("id")).longValue();
            String problem = chain.problemWith(id, (String) row.get("event_id"), (String) row.get("event_type"), (String) row.get("subject"),
                    (String) row.get("event"), (String) row.get("prev_hash"), (String) row.get("hash"), (String) row.get("predecessor_hash"));
            if (problem != null) {
                firstBroken = firstBroken == null ? id : Math.min(firstBroken, id);
            }
            entries.add(new TrailEntry(id, (String) row.get("event_id"), (String) row.get("event_type"),
                    ((Timestamp) row.get("occurred_at")).toInstant().atOffset(ZoneOffset.UTC),
                    CanonicalEvent.fields((String) row.get("event")), problem == null, problem));
        }
        return new Trail(subject, firstBroken == null, firstBroken, entries);
    }

    @GetMapping("/v1/audit-log/verification")
    ChainReport verify() {
        return chain.verifyAll();
    }
}
