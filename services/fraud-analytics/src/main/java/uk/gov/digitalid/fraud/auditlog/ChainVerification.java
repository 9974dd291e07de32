package uk.gov.digitalid.fraud.auditlog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walks {@code audit_logs} in order and reports the first row that breaks the chain: a hash that does
 * not cover its event, a {@code prev_hash} that is not the previous row's hash (a row changed,
 * inserted or deleted before it), columns that disagree with the hashed event, or a chain whose end
 * is not the recorded head (rows deleted at the end).
 */
@Component
public class ChainVerification {

    private final JdbcTemplate jdbc;

    ChainVerification(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * In one read-only repeatable-read transaction: the rows and the head are read from the same
     * snapshot while appends go on, and PostgreSQL streams the rows by the fetch size.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public ChainReport verifyAll() {
        Walk walk = new Walk();
        jdbc.query(con -> {
            var statement = con.prepareStatement("select id, event_id, event_type, subject, event, prev_hash, hash from audit_logs order by id",
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(1_000);
            return statement;
        }, walk::row);
        if (walk.report != null) {
            return walk.report;
        }
        Map<String, Object> head = jdbc.queryForMap("select last_id, last_hash from audit_chain_head where id = 1");
        if (!Objects.equals(head.get("last_hash"), walk.previousHash) || ((Number) head.get("last_id")).longValue() != walk.lastId) {
            return ChainReport.broken(walk.rows, ((Number) head.get("last_id")).longValue(), "the chain ends before its recorded head: rows are missing at the end");
        }
        return ChainReport.intact(walk.rows);
    }

    /** Checks one row on its own terms and against its predecessor (for a subject's trail). */
    public String problemWith(long id, String eventId, String type, String subject, String event, String prevHash, String hash, String predecessorHash) {
        if (!Objects.equals(prevHash, predecessorHash)) {
            return "prev_hash is not the hash of the row before it";
        }
        if (!CanonicalEvent.chainHash(prevHash, event).equals(hash)) {
            return "the hash does not cover the stored event";
        }
        Map<String, Object> fields = CanonicalEvent.fields(event);
        if (!eventId.equals(fields.get("id")) || !type.equals(fields.get("type")) || !subject.equals(fields.get("subject"))) {
            return "the row's columns disagree with the hashed event";
        }
        return null;
    }

    private final class Walk {
        String previousHash = CanonicalEvent.GENESIS;
        long lastId;
        long rows;
        ChainReport report;

        void row(ResultSet rs) throws SQLException {
            if (report != null) {
                return;
            }
            long id = rs.getLong("id");
            String hash = rs.getString("hash");
            String problem = problemWith(id, rs.getString("event_id"), rs.getString("event_type"), rs.getString("subject"),
                    rs.getString("event"), rs.getString("prev_hash"), hash, previousHash);
            rows++;
            if (problem != null) {
                report = ChainReport.broken(rows, id, problem);
                return;
            }
            previousHash = hash;
            lastId = id;
        }
    }
}
