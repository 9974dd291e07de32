package uk.gov.digitalid.gateway.admin;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.gov.digitalid.gateway.accounts.Accounts;
import uk.gov.digitalid.gateway.accounts.PasswordHasher;

/**
 * Operator accounts: created by the bootstrap command only, checked by password (Argon2id, the same
 * cost as citizens') and a TOTP code that is accepted once.
 */
public class Operators {

    /** What the bootstrap command hands over once: the password and the authenticator secret. */
    public record Created(Operator operator, String password, String totpSecret) {
    }

    private record StoredOperator(Operator operator, String passwordHash, String totpSecret) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final PasswordHasher hasher;
    private final Clock clock;

    public Operators(JdbcClient jdbc, PasswordHasher hasher, Clock clock) {
        this.jdbc = jdbc;
        this.hasher = hasher;
        this.clock = clock;
    }

    public Created create(String email) {
        String normalised = Accounts.normalise(email);
        byte[] random = new byte[18];
        RANDOM.nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String secret = Totp.newSecret();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into operators (id, email, password_hash, totp_secret, role, created_at)
                        values (:id, :email, :hash, :secret, 'ADMIN', :now)""")
                .param("id", id).param("email", normalised).param("hash", hasher.hash(password)).param("secret", secret)
                .param("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)).update();
        return new Created(new Operator(id, normalised, "ADMIN"), password, secret);
    }

    /**
     * The operator whose password and code these are. The password is hashed even for an unknown
     * email (same time either way); the code's time step must be newer than the last one used.
     */
    public Optional<Operator> authenticate(String email, String password, String code) {
        Optional<StoredOperator> stored = jdbc.sql("select id, email, role, password_hash, totp_secret from operators where email = :email")
                .param("email", Accounts.normalise(email))
                .query((rs, n) -> new StoredOperator(new Operator(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("role")),
                        rs.getString("password_hash"), rs.getString("totp_secret")))
                .optional();
        if (stored.isEmpty()) {
            hasher.matchesNothing(password);
            return Optional.empty();
        }
        Operator operator = stored.get().operator();
        if (!hasher.matches(password, stored.get().passwordHash())) {
            return Optional.empty();
        }
        var step = Totp.matchingStep(stored.get().totpSecret(), code, clock.instant());
        if (step.isEmpty()) {
            return Optional.empty();
        }
        int accepted = jdbc.sql("update operators set last_totp_step = :step where id = :id and last_totp_step < :step")
                .param("step", step.getAsLong()).param("id", operator.id()).update();
        return accepted == 1 ? Optional.of(operator) : Optional.empty();
    }
}
