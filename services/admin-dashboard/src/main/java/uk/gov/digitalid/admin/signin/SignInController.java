package uk.gov.digitalid.admin.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.gov.digitalid.admin.gateway.AdminGatewayClient;
import uk.gov.digitalid.webpages.forms.FormErrors;
import uk.gov.digitalid.webpages.gateway.GatewayProblem;
import uk.gov.digitalid.webpages.security.SessionCookie;

/**
 * Operator sign-in: email, password and the current code from the operator's authenticator app
 * (TOTP). The gateway checks all three, accepts each code once and throttles; it never says which
 * of the three was wrong, and neither does this page.
 */
@Controller
class SignInController {

    private final AdminGatewayClient gateway;
    private final SessionCookie cookie;

    SignInController(AdminGatewayClient gateway, SessionCookie cookie) {
        this.gateway = gateway;
        this.cookie = cookie;
    }

    @GetMapping("/")
    String start() {
        return "redirect:/alerts";
    }

    @GetMapping("/sign-in")
    String form(Model model) {
        model.addAttribute("form", Map.of());
        return "signin/sign-in";
    }

    @PostMapping("/sign-in")
    String signIn(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password,
                  @RequestParam(defaultValue = "") String code, HttpServletRequest request, HttpServletResponse response, Model model) {
        String digits = code.replaceAll("\\s", "");
        FormErrors errors = new FormErrors()
                .require("email", email, "Enter your email address")
                .require("password", password, "Enter your password")
                .require("code", digits, "Enter the 6-digit code from your authenticator app")
                .check("code", digits.isEmpty() || digits.matches("[0-9]{6}"), "The code must be 6 digits, like 123456");
        if (errors.isEmpty()) {
            try {
                cookie.set(response, gateway.signIn(email.trim(), password, digits, request.getRemoteAddr()));
                return "redirect:/alerts";
            } catch (GatewayProblem problem) {
                if (problem.status() == 401) {
                    errors.check("email", false, "Enter the email address, password and current code of your operator account");
                } else {
                    errors.fromGateway(problem, "email");
                }
            }
        }
        model.addAttribute("form", Map.of("email", email.trim()));
        model.addAttribute("errors", errors.asMap());
        return "signin/sign-in";
    }

    @PostMapping("/sign-out")
    String signOut(HttpServletRequest request, HttpServletResponse response) {
        cookie.token(request).ifPresent(token -> {
            try {
                gateway.signOut(token);
            } catch (GatewayProblem alreadyEnded) {
                // Signed out either way.
            }
        });
        cookie.clear(response);
        return "redirect:/signed-out";
    }

    @GetMapping("/signed-out")
    String signedOut() {
        return "signin/signed-out";
    }
}
