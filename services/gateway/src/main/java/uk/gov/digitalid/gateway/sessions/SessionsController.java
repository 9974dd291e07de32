package uk.gov.digitalid.gateway.sessions;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.digitalid.commons.events.EventTypes;
import uk.gov.digitalid.commons.outbox.AuditEvents;
import uk.gov.digitalid.gateway.accounts.Account;
import uk.gov.digitalid.gateway.accounts.Accounts;
import uk.gov.digitalid.gateway.ratelimits.RateLimits;

@RestController
class SessionsController {

    record SignInRequest(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 1024) String password) {
    }

    record Me(String id, String email, String givenName, String familyName) {
    }

    private final SignIn signIn;
    private final SessionStore sessions;
    private final Accounts accounts;
    private final TransactionTemplate transactions;
    private final AuditEvents audit;
    private final RateLimits limits;
    private final long perIpPerMinute;

    SessionsController(SignIn signIn, SessionStore sessions, Accounts accounts, TransactionTemplate transactions,
                       AuditEvents audit, RateLimits limits,
                       @Value("${gateway.rate-limits.sign-ins-per-ip}") long perIpPerMinute) {
        this.signIn = signIn;
        this.sessions = sessions;
        this.accounts = accounts;
        this.transactions = transactions;
        this.audit = audit;
        this.limits = limits;
        this.perIpPerMinute = perIpPerMinute;
    }

    @PostMapping("/api/v1/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    SignIn.SignedIn signIn(@Valid @RequestBody SignInRequest request, HttpServletRequest http) {
        limits.consume("sign-ins", http.getRemoteAddr(), perIpPerMinute);
        return signIn.signIn(request.email(), request.password(), http.getRemoteAddr());
    }

    @DeleteMapping("/api/v1/sessions/current")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void signOut(@RequestAttribute(SessionAuthentication.ATTRIBUTE) Session session,
                 @RequestAttribute(SessionAuthentication.TOKEN_ATTRIBUTE) String token) {
        String subject = session.accountId().toString();
        transactions.executeWithoutResult(tx -> {
            sessions.end(token, SessionStore.EndReason.SIGNED_OUT);
            audit.record(EventTypes.SESSION_ENDED, subject,
                    Map.of("accountId", subject, "sessionId", session.sessionId().toString(), "reason", "SIGNED_OUT"));
        });
    }

    @GetMapping("/api/v1/me")
    Me me(@RequestAttribute(SessionAuthentication.ATTRIBUTE) Session session) {
        Account account = accounts.find(session.accountId()).orElseThrow();
        return new Me(account.id().toString(), account.email(), account.givenName(), account.familyName());
    }
}
