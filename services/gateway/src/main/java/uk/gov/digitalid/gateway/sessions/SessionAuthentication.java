package uk.gov.digitalid.gateway.sessions;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.HandlerInterceptor;
import uk.gov.digitalid.gateway.ratelimits.RedisUnavailableException;

/**
 * Requires {@code Authorization: Bearer <session token>} on the citizen's endpoints and makes the
 * {@link Session} available to the controller as the request attribute {@link #ATTRIBUTE}.
 */
public class SessionAuthentication implements HandlerInterceptor {

    public static final String ATTRIBUTE = "uk.gov.digitalid.gateway.session";
    public static final String TOKEN_ATTRIBUTE = "uk.gov.digitalid.gateway.session-token";
    private static final String BEARER = "Bearer ";

    private final SessionStore sessions;

    public SessionAuthentication(SessionStore sessions) {
        this.sessions = sessions;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.startsWith(BEARER) || header.length() > BEARER.length() + 100) {
            throw unauthenticated();
        }
        String token = header.substring(BEARER.length()).trim();
        try {
            Session session = sessions.find(token).orElseThrow(SessionAuthentication::unauthenticated);
            request.setAttribute(ATTRIBUTE, session);
            request.setAttribute(TOKEN_ATTRIBUTE, token);
            return true;
        } catch (RedisConnectionFailureException | RedisSystemException e) {
            throw new RedisUnavailableException(e);
        }
    }

    private static ErrorResponseException unauthenticated() {
        ErrorResponseException e = new ErrorResponseException(HttpStatus.UNAUTHORIZED,
                ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "Sign in first: this needs a current session."), null);
        e.getHeaders().set("WWW-Authenticate", "Bearer");
        return e;
    }
}
