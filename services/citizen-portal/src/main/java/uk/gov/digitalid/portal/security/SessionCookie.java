package uk.gov.digitalid.portal.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import uk.gov.digitalid.portal.PortalProperties;

/**
 * The citizen's gateway session token, kept in one cookie: HttpOnly (no script reads it), Secure,
 * SameSite=Lax (sent on top-level navigation, not on cross-site posts), path /. The portal itself
 * stores nothing; the gateway ends the session on sign-out, lockout or timeout.
 */
@Component
public class SessionCookie {

    private final String name;

    SessionCookie(PortalProperties properties) {
        this.name = properties.sessionCookie();
    }

    public Optional<String> token(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return Optional.empty();
        }
        for (Cookie cookie : request.getCookies()) {
            if (name.equals(cookie.getName()) && cookie.getValue().matches("[A-Za-z0-9_-]{20,100}")) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    public void set(HttpServletResponse response, String token) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(token, Duration.ofHours(12)).toString());
    }

    public void clear(HttpServletResponse response) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie("", Duration.ZERO).toString());
    }

    private ResponseCookie cookie(String value, Duration maxAge) {
        return ResponseCookie.from(name, value).httpOnly(true).secure(true).sameSite("Lax").path("/").maxAge(maxAge).build();
    }
}
