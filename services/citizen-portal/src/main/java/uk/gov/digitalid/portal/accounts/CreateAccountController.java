package uk.gov.digitalid.portal.accounts;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.gov.digitalid.portal.gateway.GatewayClient;
import uk.gov.digitalid.webpages.gateway.GatewayProblem;
import uk.gov.digitalid.webpages.forms.FormErrors;

/** Create an account: one question page (email, names, password), then a confirmation. */
@Controller
class CreateAccountController {

    private final GatewayClient gateway;

    CreateAccountController(GatewayClient gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/create-account")
    String form(Model model) {
        model.addAttribute("form", Map.of());
        return "accounts/create";
    }

    /** How the gateway's messages about each field become sentences ("Your password must ..."). */
    private static final Map<String, String> FIELD_NAMES = Map.of("password", "Your password ", "email", "Your email address ",
            "givenName", "Your first name ", "familyName", "Your last name ");

    @PostMapping("/create-account")
    String create(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String givenName,
                  @RequestParam(defaultValue = "") String familyName, @RequestParam(defaultValue = "") String password,
                  HttpServletRequest request, Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("email", email.trim());
        form.put("givenName", givenName.trim());
        form.put("familyName", familyName.trim());
        FormErrors errors = new FormErrors(FIELD_NAMES)
                .require("email", email, "Enter your email address")
                .check("email", email.isBlank() || email.trim().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"),
                        "Enter an email address in the correct format, like name@example.com")
                .require("givenName", givenName, "Enter your first name")
                .require("familyName", familyName, "Enter your last name")
                .require("password", password, "Enter a password");
        if (errors.isEmpty()) {
            try {
                gateway.register(email.trim(), password, givenName.trim(), familyName.trim(), request.getRemoteAddr());
                return "redirect:/create-account/done";
            } catch (GatewayProblem problem) {
                errors.fromGateway(problem, "email");
            }
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", errors.asMap());
        return "accounts/create";
    }

    @GetMapping("/create-account/done")
    String done() {
        return "accounts/created";
    }
}
