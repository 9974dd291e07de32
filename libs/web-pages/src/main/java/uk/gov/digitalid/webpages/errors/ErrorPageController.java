package uk.gov.digitalid.webpages.errors;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/** The servlet container's errors as GOV.UK pages: unknown or malformed addresses as not found, the rest with a logged reference. */
@Controller
public class ErrorPageController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorPageController.class);

    @RequestMapping("/error")
    String error(HttpServletRequest request, Model model) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // A malformed address (an id that is not one) is, to the person using it, a page that does not exist.
        if (Integer.valueOf(404).equals(status) || Integer.valueOf(400).equals(status)) {
            return "errors/not-found";
        }
        String reference = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        log.warn("Error page shown, reference {}, status {}", reference, status);
        model.addAttribute("reference", reference);
        model.addAttribute("unavailable", false);
        return "errors/problem";
    }
}
