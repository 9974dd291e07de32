package uk.gov.digitalid.gateway.admin;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.digitalid.commons.events.EventTypes;
import uk.gov.digitalid.commons.outbox.AuditEvents;
import uk.gov.digitalid.commons.sync.SyncMessage;
import uk.gov.digitalid.commons.sync.SyncPublisher;
import uk.gov.digitalid.gateway.accounts.Account;
import uk.gov.digitalid.gateway.accounts.Accounts;
import uk.gov.digitalid.gateway.sessions.SessionStore;
import uk.gov.digitalid.gateway.sessions.SignInThrottle;
import uk.gov.digitalid.gateway.upstreams.FraudAnalyticsClient;
import uk.gov.digitalid.gateway.upstreams.IdentityCoreClient;

/**
 * Account search, lock and unlock for operators. Locking ends the citizen's sessions on every
 * instance ({@code account.locked} on {@code digital-id.sync}); each action is an audit event naming
 * the operator.
 */
@RestController
@Validated
class AdminAccountsController {

    record Reason(@NotBlank @Size(max = 500) String reason) {
    }

    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final SessionStore sessions;
    private final SignInThrottle throttle;
    private final SyncPublisher sync;
    private final AuditEvents audit;
    private final TransactionTemplate transactions;
    private final FraudAnalyticsClient fraud;
    private final IdentityCoreClient identityCore;
    private final Clock clock;

    AdminAccountsController(Accounts accounts, JdbcClient jdbc, SessionStore sessions, SignInThrottle throttle, SyncPublisher sync,
                            AuditEvents audit, TransactionTemplate transactions, FraudAnalyticsClient fraud, IdentityCoreClient identityCore,
                            Clock clock) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.throttle = throttle;
        this.sync = sync;
        this.audit = audit;
        this.transactions = transactions;
        this.fraud = fraud;
        this.identityCore = identityCore;
        this.clock = clock;
    }

    /** Accounts whose email starts with the given text (at least 3 characters), newest first, at most 20. */
    @GetMapping("/api/v1/admin/accounts")
    List<Map<String, Object>> search(@RequestParam @Size(min = 3, max = 254) String email) {
        String prefix = Accounts.normalise(email).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return jdbc.sql("""
                        select id, email, given_name, family_name, status, locked_until, created_at from users
                        where email like :prefix escape '\\' order by created_at desc limit 20""")
                .param("prefix", prefix + "%")
                .query((rs, n) -> Map.<String, Object>of("id", rs.getObject("id", UUID.class).toString(), "email", rs.getString("email"),
                        "givenName", rs.getString("given_name"), "familyName", rs.getString("family_name"),
                        "locked", "LOCKED".equals(rs.getString("status")), "createdAt", rs.getObject("created_at", OffsetDateTime.class).toString()))
                .list();
    }

    @GetMapping("/api/v1/admin/accounts/{id}")
    Map<String, Object> account(@PathVariable UUID id) {
        Account account = find(id);
        return Map.of("id", account.id().toString(), "email", account.email(), "givenName", account.givenName(),
                "familyName", account.familyName(), "locked", account.lockedAt(clock.instant()),
                "createdAt", account.createdAt().toString(), "credentials", identityCore.list(id.toString()), "risk", fraud.risk(id));
    }

    @PostMapping("/api/v1/admin/accounts/{id}/lock")
    Map<String, Object> lock(@PathVariable UUID id, @Valid @RequestBody Reason reason,
                             @RequestAttribute(AdminAuthentication.ATTRIBUTE) OperatorSession operator) {
        find(id);
        transactions.executeWithoutResult(tx -> {
            accounts.lock(id, null, clock.instant());
            audit.record(EventTypes.ACCOUNT_LOCKED, id.toString(), Map.of("accountId", id.toString(), "operator", operator.email(),
                    "reason", reason.reason()));
        });
        int ended = sessions.endAll(id, SessionStore.EndReason.ACCOUNT_LOCKED);
        sync.publish(SyncMessage.ACCOUNT_LOCKED, id.toString());
        return Map.of("id", id.toString(), "locked", true, "sessionsEnded", ended);
    }

    @PostMapping("/api/v1/admin/accounts/{id}/unlock")
    Map<String, Object> unlock(@PathVariable UUID id, @Valid @RequestBody Reason reason,
                               @RequestAttribute(AdminAuthentication.ATTRIBUTE) OperatorSession operator) {
        find(id);
        transactions.executeWithoutResult(tx -> {
            accounts.unlock(id, clock.instant());
            audit.record(EventTypes.ACCOUNT_UNLOCKED, id.toString(), Map.of("accountId", id.toString(), "operator", operator.email(),
                    "reason", reason.reason()));
        });
        throttle.reset(id);
        return Map.of("id", id.toString(), "locked", false);
    }

    private Account find(UUID id) {
        return accounts.find(id).orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND,
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such account."), null));
    }
}
