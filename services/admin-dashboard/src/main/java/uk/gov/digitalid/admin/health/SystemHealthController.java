package uk.gov.digitalid.admin.health;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import uk.gov.digitalid.admin.gateway.AdminGatewayClient;
import uk.gov.digitalid.webpages.security.SessionCookie;

/**
 * Each service's newest {@code system-metrics} snapshot: its health, when it reported, heap, threads,
 * CPU and database connections. A snapshot older than {@link #STALE} is marked as such: a service
 * that has stopped reporting is not "up".
 */
@Controller
class SystemHealthController {

    static final Duration STALE = Duration.ofMinutes(2);

    private final AdminGatewayClient gateway;
    private final SessionCookie cookie;

    SystemHealthController(AdminGatewayClient gateway, SessionCookie cookie) {
        this.gateway = gateway;
        this.cookie = cookie;
    }

    @GetMapping("/system-health")
    String health(HttpServletRequest request, Model model) {
        List<ServiceHealth> services = new ArrayList<>();
        Instant now = Instant.now();
        for (Map<String, Object> row : gateway.systemHealth(cookie.required(request))) {
            services.add(ServiceHealth.from(row, now, STALE));
        }
        model.addAttribute("services", services);
        return "health/system-health";
    }
}
