package uk.gov.digitalid.gateway.accounts;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** What signing in may know about accounts: find by email, check a password, lock and unlock. */
public class Credentials {

    private final Accounts accounts;
    private final PasswordHasher hasher;

    public Credentials(Accounts accounts, PasswordHasher hasher) {
        this.accounts = accounts;
        this.hasher = hasher;
    }

    public Optional<Account> findByEmail(String email) {
        return accounts.findByEmail(email);
    }

    public boolean passwordMatches(UUID accountId, String password) {
        return hasher.matches(password, accounts.passwordHash(accountId));
    }

    /** Costs what a real check costs; always false. */
    public boolean checkAgainstNothing(String password) {
        return hasher.matchesNothing(password);
    }

    public void lock(UUID accountId, Instant until, Instant now) {
        accounts.lock(accountId, until, now);
    }

    public void unlock(UUID accountId, Instant now) {
        accounts.unlock(accountId, now);
    }
}
