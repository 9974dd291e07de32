package uk.gov.digitalid.portal.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.gov.digitalid.portal.gateway.GatewayClient;
import uk.gov.digitalid.webpages.gateway.GatewayProblem;
import uk.gov.digitalid.webpages.security.SessionCookie;
import uk.gov.digitalid.webpages.forms.FormErrors;

/** Sign in (the gateway checks the password and throttles) and sign out. */
@Controller
class SignInController {

    private final GatewayClient gateway;
    private final SessionCookie cookie;

    SignInController(GatewayClient gateway, SessionCookie cookie) {
        this.gateway = gateway;
        this.cookie = cookie;
    }

    @GetMapping("/sign-in")
    String form(Model model) {
        model.addAttribute("form", Map.of());
        return "signin/sign-in";
    }

    @PostMapping("/sign-in")
    String signIn(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        FormErrors errors = new FormErrors()
                .require("email", email, "Enter your email address")
                .require("password", password, "Enter your password");
        if (errors.isEmpty()) {
            try {
                cookie.set(response, gateway.signIn(email.trim(), password, request.getRemoteAddr()));
                return "redirect:/account";
            } catch (GatewayProblem problem) {
                if (problem.status() == 401) {
                    errors.check("email", false, "Enter the email address and password of your account");
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
