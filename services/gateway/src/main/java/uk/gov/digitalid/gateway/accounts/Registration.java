package uk.gov.digitalid.gateway.accounts;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;
import uk.gov.digitalid.commons.events.EventTypes;
import uk.gov.digitalid.commons.outbox.AuditEvents;

/**
 * Registers accounts. A registration for an email that already has an account gets the same answer
 * and takes the same time (the password is hashed either way) but writes nothing.
 */
public class Registration {

    private final Accounts accounts;
    private final PasswordPolicy policy;
    private final PasswordHasher hasher;
    private final TransactionTemplate transactions;
    private final AuditEvents audit;
    private final Clock clock;

    public Registration(Accounts accounts, PasswordPolicy policy, PasswordHasher hasher, TransactionTemplate transactions,
                        AuditEvents audit, Clock clock) {
        this.accounts = accounts;
        this.policy = policy;
        this.hasher = hasher;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    public void register(String email, String password, String givenName, String familyName, String clientIp) {
        String normalised = Accounts.normalise(email);
        policy.problem(password, normalised, givenName, familyName).ifPresent(problem -> {
            throw invalidPassword(problem);
        });
        String hash = hasher.hash(password);
        UUID id = UUID.randomUUID();
        transactions.executeWithoutResult(tx -> {
            if (accounts.insert(id, normalised, givenName.trim(), familyName.trim(), hash, clock.instant())) {
                audit.record(EventTypes.ACCOUNT_REGISTERED, id.toString(), Map.of("accountId", id.toString(), "clientIp", clientIp));
            }
        });
    }

    private static ErrorResponseException invalidPassword(String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid field 'password': " + message + ".");
        problem.setTitle("Bad Request");
        problem.setProperty("errors", List.of(Map.of("field", "password", "message", message)));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
