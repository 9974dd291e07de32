package uk.gov.digitalid.admin.navigation;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import uk.gov.digitalid.webpages.security.SessionCookie;

/**
 * What the layout's service navigation needs on every page: whether an operator is signed in (to
 * show the sections and the sign-out button) and which section the page belongs to.
 */
@ControllerAdvice
class Navigation {

    /** A section of the service navigation: the first path segment of its pages, its link and its name. */
    public record Section(String path, String name) {
    }

    static final List<Section> SECTIONS = List.of(new Section("/alerts", "Alerts"), new Section("/accounts", "Accounts"),
            new Section("/audit-trail", "Audit trail"), new Section("/system-health", "System health"));

    private final SessionCookie cookie;

    Navigation(SessionCookie cookie) {
        this.cookie = cookie;
    }

    @ModelAttribute("signedIn")
    boolean signedIn(HttpServletRequest request) {
        return cookie.token(request).isPresent();
    }

    @ModelAttribute("sections")
    List<Section> sections() {
        return SECTIONS;
    }

    /** The section of this page, as its path: {@code /accounts} for an account and for revoking one of its credentials. */
    @ModelAttribute("section")
    String section(HttpServletRequest request) {
        String path = request.getRequestURI();
        int second = path.indexOf('/', 1);
        return second < 0 ? path : path.substring(0, second);
    }
}
