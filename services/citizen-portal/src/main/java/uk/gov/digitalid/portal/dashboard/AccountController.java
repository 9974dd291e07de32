package uk.gov.digitalid.portal.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import uk.gov.digitalid.portal.gateway.GatewayClient;
import uk.gov.digitalid.webpages.security.SessionCookie;

/** The signed-in citizen's account page (who they are, their identity check and credentials) and recent activity. */
@Controller
class AccountController {

    private final GatewayClient gateway;
    private final SessionCookie cookie;

    AccountController(GatewayClient gateway, SessionCookie cookie) {
        this.gateway = gateway;
        this.cookie = cookie;
    }

    @GetMapping("/account")
    String account(HttpServletRequest request, Model model) {
        String token = cookie.required(request);
        model.addAttribute("me", gateway.me(token));
        model.addAttribute("credentials", gateway.credentials(token));
        model.addAttribute("verification", gateway.latestVerification(token).orElse(null));
        model.addAttribute("revoked", request.getParameter("revoked") != null);
        return "dashboard/account";
    }

    @GetMapping("/activity")
    String activity(HttpServletRequest request, Model model) {
        model.addAttribute("activity", gateway.activity(cookie.required(request)));
        return "dashboard/activity";
    }
}
