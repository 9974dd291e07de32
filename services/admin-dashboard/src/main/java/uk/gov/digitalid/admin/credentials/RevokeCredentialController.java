package uk.gov.digitalid.admin.credentials;

import jakarta.servlet.http.HttpServletRequest;
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
 * Revoking a citizen's credential on their behalf (a lost device, confirmed fraud): a confirmation
 * page asking why, then back to the account. identity-core revokes; relying parties see it at once.
 */
@Controller
class RevokeCredentialController {

    private final AdminGatewayClient gateway;
    private final SessionCookie cookie;

    RevokeCredentialController(AdminGatewayClient gateway, SessionCookie cookie) {
        this.gateway = gateway;
        this.cookie = cookie;
    }

    @GetMapping("/accounts/{account}/credentials/{id}/revoke")
    String confirm(@PathVariable UUID account, @PathVariable UUID id, HttpServletRequest request, Model model) {
        cookie.required(request);
        return page(account, id, Map.of(), Map.of(), model);
    }

    @PostMapping("/accounts/{account}/credentials/{id}/revoke")
    String revoke(@PathVariable UUID account, @PathVariable UUID id, @RequestParam(defaultValue = "") String reason,
                  HttpServletRequest request, Model model) {
        String token = cookie.required(request);
        FormErrors errors = new FormErrors()
                .require("reason", reason, "Enter why you are revoking this credential")
                .check("reason", reason.length() <= 2000, "The reason must be 2,000 characters or fewer");
        if (!errors.isEmpty()) {
            return page(account, id, Map.of("reason", reason), errors.asMap(), model);
        }
        gateway.revokeCredential(token, id, reason);
        return "redirect:/accounts/" + account + "?done=revoked";
    }

    private static String page(UUID account, UUID id, Map<String, String> form, Map<String, String> errors, Model model) {
        model.addAttribute("accountId", account);
        model.addAttribute("id", id);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "credentials/revoke";
    }

}
