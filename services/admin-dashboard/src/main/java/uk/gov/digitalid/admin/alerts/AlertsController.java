package uk.gov.digitalid.admin.alerts;

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
import uk.gov.digitalid.webpages.gateway.GatewayProblem;
import uk.gov.digitalid.webpages.security.SessionCookie;

/**
 * The fraud alert queue: filtered by status and severity (open alerts first by default), each alert
 * with the rules that fired, and acknowledging (someone is looking) or resolving it (with what was
 * found). fraud-analytics keeps the alerts; the gateway names the operator on each action.
 */
@Controller
class AlertsController {

    static final List<String> STATUSES = List.of("OPEN", "ACKNOWLEDGED", "RESOLVED");
    static final List<String> SEVERITIES = List.of("HIGH", "CRITICAL");

    private final AdminGatewayClient gateway;
    private final SessionCookie cookie;

    AlertsController(AdminGatewayClient gateway, SessionCookie cookie) {
        this.gateway = gateway;
        this.cookie = cookie;
    }

    /** @param status one of {@link #STATUSES} or "ANY"; anything else is read as the default, OPEN */
    @GetMapping("/alerts")
    String list(@RequestParam(defaultValue = "OPEN") String status, @RequestParam(defaultValue = "ANY") String severity,
                HttpServletRequest request, Model model) {
        String token = cookie.required(request);
        String statusFilter = STATUSES.contains(status) || "ANY".equals(status) ? status : "OPEN";
        String severityFilter = SEVERITIES.contains(severity) ? severity : "ANY";
        model.addAttribute("alerts", gateway.alerts(token, any(statusFilter), any(severityFilter)));
        model.addAttribute("status", statusFilter);
        model.addAttribute("severity", severityFilter);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("severities", SEVERITIES);
        return "alerts/list";
    }

    @GetMapping("/alerts/{id}")
    String alert(@PathVariable UUID id, @RequestParam(required = false) String done, HttpServletRequest request, Model model) {
        model.addAttribute("alert", gateway.alert(cookie.required(request), id));
        model.addAttribute("done", "acknowledged".equals(done) || "resolved".equals(done) ? done : null);
        model.addAttribute("form", Map.of());
        return "alerts/alert";
    }

    @PostMapping("/alerts/{id}/acknowledge")
    String acknowledge(@PathVariable UUID id, @RequestParam(defaultValue = "") String acknowledgeNote, HttpServletRequest request, Model model) {
        FormErrors errors = new FormErrors()
                .check("acknowledgeNote", acknowledgeNote.length() <= 2000, "The note must be 2,000 characters or fewer");
        return act(id, "acknowledgeNote", acknowledgeNote, errors, request, model,
                () -> gateway.acknowledgeAlert(cookie.required(request), id, acknowledgeNote), "acknowledged");
    }

    @PostMapping("/alerts/{id}/resolve")
    String resolve(@PathVariable UUID id, @RequestParam(defaultValue = "") String resolution, HttpServletRequest request, Model model) {
        FormErrors errors = new FormErrors()
                .require("resolution", resolution, "Enter what you found and what you did")
                .check("resolution", resolution.length() <= 2000, "What you found and did must be 2,000 characters or fewer");
        return act(id, "resolution", resolution, errors, request, model,
                () -> gateway.resolveAlert(cookie.required(request), id, resolution), "resolved");
    }

    private String act(UUID id, String field, String note, FormErrors errors, HttpServletRequest request, Model model, Runnable action,
                       String done) {
        if (errors.isEmpty()) {
            try {
                action.run();
                return "redirect:/alerts/" + id + "?done=" + done;
            } catch (GatewayProblem problem) {
                if (problem.status() != 409) {
                    throw problem;
                }
                errors.check(field, false, "Someone else has changed this alert: check its status and try again");
            }
        }
        model.addAttribute("alert", gateway.alert(cookie.required(request), id));
        model.addAttribute("form", Map.of(field, note));
        model.addAttribute("errors", errors.asMap());
        return "alerts/alert";
    }


    private static String any(String filter) {
        return "ANY".equals(filter) ? null : filter;
    }
}
