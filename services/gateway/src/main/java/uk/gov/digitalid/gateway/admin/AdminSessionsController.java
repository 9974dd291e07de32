package uk.gov.digitalid.gateway.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.digitalid.commons.events.EventTypes;
import uk.gov.digitalid.commons.outbox.AuditEvents;
import uk.gov.digitalid.gateway.ratelimits.RateLimits;

/** Operator sign-in (password and TOTP code), sign-out and who-am-I. */
@RestController
class AdminSessionsController {

    record SignInRequest(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 256) String password,
                         @NotBlank @Pattern(regexp = "[0-9]{6}", message = "must be the 6-digit code from the authenticator") String code) {
    }

    private final Operators operators;
    private final OperatorSessions sessions;
    private final RateLimits limits;
    private final OperatorProperties properties;
    private final AuditEvents audit;

    AdminSessionsController(Operators operators, OperatorSessions sessions, RateLimits limits, OperatorProperties properties, AuditEvents audit) {
        this.operators = operators;
        this.sessions = sessions;
        this.limits = limits;
        this.properties = properties;
        this.audit = audit;
    }

    @PostMapping("/api/v1/admin/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> signIn(@Valid @RequestBody SignInRequest request, HttpServletRequest http) {
        limits.consume("operator-sign-ins", http.getRemoteAddr(), properties.signInsPerIp());
        Operator operator = operators.authenticate(request.email(), request.password(), request.code()).orElseThrow(() -> {
            audit.record(EventTypes.OPERATOR_SIGN_IN_FAILED, "operators", Map.of("clientIp", http.getRemoteAddr()));
            return new ErrorResponseException(HttpStatus.UNAUTHORIZED, ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                    "The email, password or code is not right."), null);
        });
        String token = sessions.create(operator);
        audit.record(EventTypes.OPERATOR_SIGNED_IN, operator.id().toString(), Map.of("operator", operator.email(), "clientIp", http.getRemoteAddr()));
        return Map.of("token", token, "operator", operator.email(), "role", operator.role(),
                "idleTimeoutSeconds", properties.idleTimeout().toSeconds());
    }

    @DeleteMapping("/api/v1/admin/sessions/current")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void signOut(@RequestAttribute(AdminAuthentication.TOKEN_ATTRIBUTE) String token) {
        sessions.end(token);
    }

    @GetMapping("/api/v1/admin/me")
    Map<String, Object> me(@RequestAttribute(AdminAuthentication.ATTRIBUTE) OperatorSession session) {
        return Map.of("operator", session.email(), "role", session.role(), "expiresAt", session.expiresAt().toString());
    }
}
