package uk.gov.digitalid.webpages.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import uk.gov.digitalid.webpages.WebPagesProperties;

/**
 * The gateway session token of whoever is signed in, kept in one cookie: HttpOnly (no script reads
 * it), Secure, path /, and SameSite as configured (Lax: sent on top-level navigation but not on
 * cross-site posts; Strict: never cross-site). The application itself stores nothing; the gateway
 * ends the session on sign-out, lockout or timeout.
 */
public class SessionCookie {

    private final WebPagesProperties.Cookie settings;

    public SessionCookie(WebPagesProperties properties) {
        this.settings = properties.sessionCookie();
    }

    public Optional<String> token(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return Optional.empty();
        }
        for (Cookie cookie : request.getCookies()) {
            if (settings.name().equals(cookie.getName()) && cookie.getValue().matches("[A-Za-z0-9_-]{20,100}")) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    /** The token of a page that needs someone signed in: without one the page answers with the sign-in page. */
    public String required(HttpServletRequest request) {
        return token(request).orElseThrow(SignInRequired::new);
    }

    public void set(HttpServletResponse response, String token) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(token, settings.maxAge()).toString());
    }

    public void clear(HttpServletResponse response) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie("", Duration.ZERO).toString());
    }

    private ResponseCookie cookie(String value, Duration maxAge) {
        return ResponseCookie.from(settings.name(), value).httpOnly(true).secure(true).sameSite(settings.sameSite()).path("/").maxAge(maxAge).build();
    }
}
