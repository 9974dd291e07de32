package uk.gov.digitalid.portal.credentials;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.gov.digitalid.portal.gateway.GatewayClient;
import uk.gov.digitalid.webpages.security.SessionCookie;

/**
 * Get a credential (shown once: its claims, a .jwt download and a QR code; the service keeps no copy)
 * and revoke one, after a confirmation page.
 */
@Controller
class CredentialController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final GatewayClient gateway;
    private final SessionCookie cookie;

    CredentialController(GatewayClient gateway, SessionCookie cookie) {
        this.gateway = gateway;
        this.cookie = cookie;
    }

    @PostMapping("/credential")
    String issue(HttpServletRequest request, Model model) {
        Map<String, Object> issued = gateway.issueCredential(cookie.required(request));
        String jwt = (String) issued.get("credential");
        JsonNode subject = JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1])).path("vc").path("credentialSubject");
        List<String> names = new ArrayList<>();
        for (JsonNode name : subject.path("name")) {
            List<String> parts = new ArrayList<>();
            name.path("nameParts").forEach(part -> parts.add(part.path("value").asString()));
            names.add(String.join(" ", parts));
        }
        model.addAttribute("id", issued.get("id"));
        model.addAttribute("names", names);
        model.addAttribute("birthDate", subject.path("birthDate").path(0).path("value").asString());
        model.addAttribute("expiresAt", String.valueOf(issued.get("expiresAt")).substring(0, 10));
        model.addAttribute("download", "data:application/jwt;base64," + Base64.getEncoder().encodeToString(jwt.getBytes(StandardCharsets.US_ASCII)));
        model.addAttribute("qr", QrSvg.of(jwt, "QR code of your credential"));
        return "credentials/issued";
    }

    @GetMapping("/credentials/{id}/revoke")
    String confirmRevoke(@PathVariable UUID id, HttpServletRequest request, Model model) {
        cookie.required(request);
        model.addAttribute("id", id);
        return "credentials/revoke";
    }

    @PostMapping("/credentials/{id}/revoke")
    String revoke(@PathVariable UUID id, HttpServletRequest request) {
        gateway.revokeCredential(cookie.required(request), id);
        return "redirect:/account?revoked";
    }
}
