package uk.gov.digitalid.gateway.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.HandlerInterceptor;
import uk.gov.digitalid.gateway.ratelimits.RedisUnavailableException;
import uk.gov.digitalid.gateway.sessions.SessionStore;

/**
 * Every {@code /api/v1/admin/**} call (but operator sign-in) needs an operator session with the
 * {@code ADMIN} role: 401 without a valid token, 403 for a citizen's session.
 */
public class AdminAuthentication implements HandlerInterceptor {

    public static final String ATTRIBUTE = "uk.gov.digitalid.gateway.operator-session";
    public static final String TOKEN_ATTRIBUTE = "uk.gov.digitalid.gateway.operator-token";
    private static final String BEARER = "Bearer ";

    private final OperatorSessions operators;
    private final SessionStore citizens;

    public AdminAuthentication(OperatorSessions operators, SessionStore citizens) {
        this.operators = operators;
        this.citizens = citizens;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if ("POST".equals(request.getMethod()) && "/api/v1/admin/sessions".equals(request.getRequestURI())) {
            return true;
        }
        String header = request.getHeader("Authorization");
        if (header == null || !header.startsWith(BEARER) || header.length() > BEARER.length() + 100) {
            throw problem(HttpStatus.UNAUTHORIZED, "Operators sign in first.");
        }
        String token = header.substring(BEARER.length()).trim();
        try {
            var session = operators.find(token);
            if (session.isPresent() && "ADMIN".equals(session.get().role())) {
                request.setAttribute(ATTRIBUTE, session.get());
                request.setAttribute(TOKEN_ATTRIBUTE, token);
                return true;
            }
            if (citizens.find(token).isPresent()) {
                throw problem(HttpStatus.FORBIDDEN, "This needs an operator with the ADMIN role.");
            }
            throw problem(HttpStatus.UNAUTHORIZED, "Operators sign in first.");
        } catch (RedisConnectionFailureException | RedisSystemException e) {
            throw new RedisUnavailableException(e);
        }
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        ErrorResponseException e = new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
        if (status == HttpStatus.UNAUTHORIZED) {
            e.getHeaders().set("WWW-Authenticate", "Bearer");
        }
        return e;
    }
}
