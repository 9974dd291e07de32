package uk.gov.digitalid.commons.problems;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Errors that happen outside controllers (in filters, or the servlet container) are forwarded to
 * {@code /error}; this answers them as problem+json too, with no message, exception or trace.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);
    private final ErrorAttributes errorAttributes;

    public ProblemErrorController(ErrorAttributes errorAttributes) {
        this.errorAttributes = errorAttributes;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        ServletWebRequest webRequest = new ServletWebRequest(request);
        Map<String, Object> attributes = errorAttributes.getErrorAttributes(webRequest, ErrorAttributeOptions.defaults());
        HttpStatus status = HttpStatus.resolve(attributes.get("status") instanceof Integer code ? code : 500);
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String path = attributes.get("path") instanceof String p ? p : null;
        ProblemDetail problem;
        if (status.is5xxServerError()) {
            UUID reference = UUID.randomUUID();
            log.error("Error outside controllers, reference {} (path {})", reference, path, errorAttributes.getError(webRequest));
            problem = Problems.internalError(path, reference);
        } else {
            problem = Problems.of(status, status.getReasonPhrase() + ".", path);
        }
        return ResponseEntity.status(status).body(problem);
    }
}
