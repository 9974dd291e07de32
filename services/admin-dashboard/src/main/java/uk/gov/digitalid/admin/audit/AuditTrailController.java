package uk.gov.digitalid.admin.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.gov.digitalid.admin.gateway.AdminGatewayClient;
import uk.gov.digitalid.webpages.forms.FormErrors;
import uk.gov.digitalid.webpages.security.SessionCookie;

/**
 * A subject's audit trail (an account id, or "operators" for operator sign-ins) from the
 * tamper-evident audit log, with whether each entry's link in the hash chain holds, and the result of
 * walking the whole chain.
 */
@Controller
class AuditTrailController {

    /** The subjects fraud-analytics accepts; checked here so the operator gets a message, not an error page. */
    static final String SUBJECT = "[A-Za-z0-9._:@-]{1,200}";

    private final AdminGatewayClient gateway;
    private final SessionCookie cookie;

    AuditTrailController(AdminGatewayClient gateway, SessionCookie cookie) {
        this.gateway = gateway;
        this.cookie = cookie;
    }

    @GetMapping("/audit-trail")
    String trail(@RequestParam(required = false) String subject, HttpServletRequest request, Model model) {
        String token = cookie.required(request);
        String wanted = subject == null ? null : subject.trim();
        if (wanted != null) {
            FormErrors errors = new FormErrors()
                    .require("subject", wanted, "Enter an account id or other subject")
                    .check("subject", wanted.isEmpty() || wanted.matches(SUBJECT),
                            "A subject is up to 200 letters, digits and the characters . _ : @ -");
            if (errors.isEmpty()) {
                model.addAttribute("trail", gateway.auditTrail(token, wanted));
            } else {
                model.addAttribute("errors", errors.asMap());
            }
        }
        model.addAttribute("chain", gateway.chainVerification(token));
        model.addAttribute("form", wanted == null ? Map.of() : Map.of("subject", wanted));
        return "audit/trail";
    }
}
