package uk.gov.digitalid.webpages.errors;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.client.RestClientException;
import uk.gov.digitalid.webpages.gateway.GatewayProblem;
import uk.gov.digitalid.webpages.security.SessionCookie;
import uk.gov.digitalid.webpages.security.SignInRequired;

/**
 * What people see when the gateway says no: the sign-in page when their session has gone,
 * otherwise a plain page with a reference that is also in the log — never a stack trace or detail.
 * Everything else reaches {@link ErrorPageController} through the container's error page.
 */
@ControllerAdvice
public class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    private final SessionCookie cookie;

    public PageErrors(SessionCookie cookie) {
        this.cookie = cookie;
    }

    @ExceptionHandler(SignInRequired.class)
    String signIn(HttpServletResponse response) {
        cookie.clear(response);
        return "redirect:/sign-in";
    }

    @ExceptionHandler(GatewayProblem.class)
    String gateway(GatewayProblem problem, HttpServletResponse response, Model model) {
        if (problem.status() == 401) {
            return signIn(response);
        }
        if (problem.status() == 404) {
            response.setStatus(404);
            return "errors/not-found";
        }
        return errorPage(problem, response, model, problem.status() == 503 ? 503 : 500);
    }

    @ExceptionHandler(RestClientException.class)
    String gatewayUnreachable(RestClientException e, HttpServletResponse response, Model model) {
        return errorPage(e, response, model, 503);
    }

    private static String errorPage(Exception e, HttpServletResponse response, Model model, int status) {
        String reference = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        log.error("Error page shown, reference {}", reference, e);
        response.setStatus(status);
        model.addAttribute("reference", reference);
        model.addAttribute("unavailable", status == 503);
        return "errors/problem";
    }
}
