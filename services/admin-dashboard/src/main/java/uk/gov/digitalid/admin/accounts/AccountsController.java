package uk.gov.digitalid.admin.accounts;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.gov.digitalid.admin.gateway.AdminGatewayClient;
import uk.gov.digitalid.webpages.forms.FormErrors;
import uk.gov.digitalid.webpages.security.SessionCookie;

/**
 * Finding a citizen's account by the start of their email address, seeing it (status, credentials,
 * fraud risk), and locking or unlocking it with a reason. Locking ends the citizen's sessions at once.
 */
@Controller
class AccountsController {

    private final AdminGatewayClient gateway;
    private final SessionCookie cookie;

    AccountsController(AdminGatewayClient gateway, SessionCookie cookie) {
        this.gateway = gateway;
        this.cookie = cookie;
    }

    @GetMapping("/accounts")
    String search(@RequestParam(required = false) String email, HttpServletRequest request, Model model) {
        String token = cookie.required(request);
        String prefix = email == null ? null : email.trim();
        if (prefix != null) {
            FormErrors errors = new FormErrors()
                    .require("email", prefix, "Enter the start of an email address")
                    .check("email", prefix.isEmpty() || prefix.length() >= 3, "Enter at least 3 characters of the email address")
                    .check("email", prefix.length() <= 254, "Enter 254 characters or fewer");
            if (errors.isEmpty()) {
                model.addAttribute("accounts", gateway.searchAccounts(token, prefix));
            } else {
                model.addAttribute("errors", errors.asMap());
            }
        }
        model.addAttribute("form", prefix == null ? Map.of() : Map.of("email", prefix));
        return "accounts/search";
    }

    @GetMapping("/accounts/{id}")
    String account(@PathVariable UUID id, @RequestParam(required = false) String done, HttpServletRequest request, Model model) {
        return page(id, cookie.required(request), done, Map.of(), Map.of(), model);
    }

    @PostMapping("/accounts/{id}/lock")
    String lock(@PathVariable UUID id, @RequestParam(defaultValue = "") String lockReason, HttpServletRequest request, Model model) {
        String token = cookie.required(request);
        FormErrors errors = reason("lockReason", lockReason, "Enter why you are locking this account");
        if (!errors.isEmpty()) {
            return page(id, token, null, Map.of("lockReason", lockReason), errors.asMap(), model);
        }
        gateway.lockAccount(token, id, lockReason.trim());
        return "redirect:/accounts/" + id + "?done=locked";
    }

    @PostMapping("/accounts/{id}/unlock")
    String unlock(@PathVariable UUID id, @RequestParam(defaultValue = "") String unlockReason, HttpServletRequest request, Model model) {
        String token = cookie.required(request);
        FormErrors errors = reason("unlockReason", unlockReason, "Enter why you are unlocking this account");
        if (!errors.isEmpty()) {
            return page(id, token, null, Map.of("unlockReason", unlockReason), errors.asMap(), model);
        }
        gateway.unlockAccount(token, id, unlockReason.trim());
        return "redirect:/accounts/" + id + "?done=unlocked";
    }

    private String page(UUID id, String token, String done, Map<String, String> form, Map<String, String> errors, Model model) {
        model.addAttribute("account", gateway.account(token, id));
        model.addAttribute("done", done != null && List.of("locked", "unlocked", "revoked").contains(done) ? done : null);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "accounts/account";
    }

    private static FormErrors reason(String field, String reason, String missing) {
        return new FormErrors().require(field, reason, missing).check(field, reason.length() <= 500, "The reason must be 500 characters or fewer");
    }

}
