package uk.gov.digitalid.gateway.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code gateway.users} table. */
public class Accounts {

    private final JdbcClient jdbc;

    public Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Trimmed and lower-cased: one account per mailbox however it is typed. */
    public static String normalise(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    /** Inserts the account unless the email is taken; returns whether it was inserted. */
    boolean insert(UUID id, String email, String givenName, String familyName, String passwordHash, Instant now) {
        return jdbc.sql("""
                        insert into users (id, email, given_name, family_name, password_hash, created_at, updated_at)
                        values (:id, :email, :given, :family, :hash, :now, :now) on conflict (email) do nothing""")
                .param("id", id).param("email", email).param("given", givenName).param("family", familyName)
                .param("hash", passwordHash).param("now", utc(now))
                .update() == 1;
    }

    public Optional<Account> find(UUID id) {
        return jdbc.sql("select * from users where id = :id").param("id", id).query(Accounts::account).optional();
    }

    Optional<Account> findByEmail(String email) {
        return jdbc.sql("select * from users where email = :email").param("email", normalise(email)).query(Accounts::account).optional();
    }

    String passwordHash(UUID id) {
        return jdbc.sql("select password_hash from users where id = :id").param("id", id).query(String.class).single();
    }

    /** Locks the account, until the given time or (null) until an operator unlocks it. */
    public void lock(UUID id, Instant until, Instant now) {
        jdbc.sql("update users set status = 'LOCKED', locked_until = :until, updated_at = :now where id = :id")
                .param("until", until == null ? null : utc(until)).param("now", utc(now)).param("id", id).update();
    }

    public void unlock(UUID id, Instant now) {
        jdbc.sql("update users set status = 'ACTIVE', locked_until = null, updated_at = :now where id = :id")
                .param("now", utc(now)).param("id", id).update();
    }

    private static Account account(ResultSet rs, int row) throws SQLException {
        OffsetDateTime lockedUntil = rs.getObject("locked_until", OffsetDateTime.class);
        return new Account(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("given_name"),
                rs.getString("family_name"), rs.getString("status"), lockedUntil == null ? null : lockedUntil.toInstant(),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
