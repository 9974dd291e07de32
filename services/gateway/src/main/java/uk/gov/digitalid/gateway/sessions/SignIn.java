package uk.gov.digitalid.gateway.sessions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.transaction.support.TransactionTemplate;
import uk.gov.digitalid.commons.events.EventTypes;
import uk.gov.digitalid.commons.outbox.AuditEvents;
import uk.gov.digitalid.commons.sync.SyncMessage;
import uk.gov.digitalid.commons.sync.SyncPublisher;
import uk.gov.digitalid.gateway.accounts.Account;
import uk.gov.digitalid.gateway.accounts.Credentials;
import uk.gov.digitalid.gateway.ratelimits.RedisUnavailableException;
import uk.gov.digitalid.gateway.ratelimits.TooManyAttemptsException;

/**
 * Signs citizens in: address limit, account wait, lockout, password check, then a new session.
 * Every attempt is an audit event; reaching the lockout threshold locks the account temporarily
 * and ends its sessions everywhere ({@code account.locked} on {@code digital-id.sync}).
 * If Redis does not answer, sign-in is refused (503) rather than run without its limits.
 */
public class SignIn {

    /** A new session: the token, shown once, and when it ends at the latest. */
    public record SignedIn(String token, Instant expiresAt, long idleTimeoutSeconds) {
    }

    private final Credentials credentials;
    private final SessionStore sessions;
    private final SignInThrottle throttle;
    private final SignInProperties properties;
    private final SessionProperties sessionProperties;
    private final TransactionTemplate transactions;
    private final AuditEvents audit;
    private final SyncPublisher sync;
    private final Clock clock;

    public SignIn(Credentials credentials, SessionStore sessions, SignInThrottle throttle, SignInProperties properties,
                  SessionProperties sessionProperties, TransactionTemplate transactions, AuditEvents audit,
                  SyncPublisher sync, Clock clock) {
        this.credentials = credentials;
        this.sessions = sessions;
        this.throttle = throttle;
        this.properties = properties;
        this.sessionProperties = sessionProperties;
        this.transactions = transactions;
        this.audit = audit;
        this.sync = sync;
        this.clock = clock;
    }

    public SignedIn signIn(String email, String password, String clientIp) {
        try {
            return attempt(email, password, clientIp);
        } catch (RedisConnectionFailureException | RedisSystemException e) {
            throw new RedisUnavailableException(e);
        }
    }

    private SignedIn attempt(String email, String password, String clientIp) {
        throttle.addressWait(clientIp).ifPresent(wait -> {
            throw new TooManyAttemptsException(wait);
        });
        Optional<Account> found = credentials.findByEmail(email);
        if (found.isEmpty()) {
            credentials.checkAgainstNothing(password);
            throttle.addressFailed(clientIp);
            audit.record(EventTypes.SESSION_LOGIN_FAILED, "unknown-account", Map.of("reason", "unknown-account", "clientIp", clientIp));
            throw new SignInFailedException();
        }
        Account account = found.get();
        String subject = account.id().toString();
        Instant now = clock.instant();
        if (account.lockedAt(now)) {
            audit.record(EventTypes.SESSION_LOGIN_FAILED, subject, Map.of("accountId", subject, "reason", "locked", "clientIp", clientIp));
            throw new TooManyAttemptsException(account.lockedUntil() == null
                    ? properties.lockoutDuration() : Duration.between(now, account.lockedUntil()));
        }
        throttle.accountWait(account.id()).ifPresent(wait -> {
            throw new TooManyAttemptsException(wait);
        });
        if (!credentials.passwordMatches(account.id(), password)) {
            long failures = throttle.accountFailed(account.id(), clientIp);
            if (failures >= properties.lockoutThreshold()) {
                lock(account, now, clientIp);
            } else {
                audit.record(EventTypes.SESSION_LOGIN_FAILED, subject, Map.of("accountId", subject, "reason", "wrong-password",
                        "failures", failures, "clientIp", clientIp));
            }
            throw new SignInFailedException();
        }
        if ("LOCKED".equals(account.status())) {
            credentials.unlock(account.id(), now);
        }
        throttle.reset(account.id());
        String token = transactions.execute(tx -> {
            String created = sessions.create(account.id(), clientIp);
            audit.record(EventTypes.SESSION_LOGIN_SUCCEEDED, subject, Map.of("accountId", subject, "clientIp", clientIp));
            return created;
        });
        return new SignedIn(token, now.plus(sessionProperties.absoluteTimeout()), sessionProperties.idleTimeout().toSeconds());
    }

    private void lock(Account account, Instant now, String clientIp) {
        String subject = account.id().toString();
        transactions.executeWithoutResult(tx -> {
            credentials.lock(account.id(), now.plus(properties.lockoutDuration()), now);
            audit.record(EventTypes.SESSION_LOGIN_FAILED, subject,
                    Map.of("accountId", subject, "reason", "wrong-password", "clientIp", clientIp));
            audit.record(EventTypes.ACCOUNT_LOCKED, subject,
                    Map.of("accountId", subject, "reason", "failed-sign-ins", "until", now.plus(properties.lockoutDuration()).toString()));
        });
        sync.publish(SyncMessage.ACCOUNT_LOCKED, subject);
    }

}
