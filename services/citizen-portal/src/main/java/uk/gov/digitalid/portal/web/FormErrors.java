package uk.gov.digitalid.portal.web;

import java.util.LinkedHashMap;
import java.util.Map;
import uk.gov.digitalid.portal.gateway.GatewayProblem;

/**
 * A form's errors in page order, one per field, as the GOV.UK error summary and error messages show
 * them. Errors from the gateway are put on the field it named, or on a fallback field.
 */
public class FormErrors {

    private final Map<String, String> errors = new LinkedHashMap<>();

    public FormErrors require(String field, String value, String message) {
        return check(field, value != null && !value.isBlank(), message);
    }

    public FormErrors check(String field, boolean ok, String message) {
        if (!ok) {
            errors.putIfAbsent(field, message);
        }
        return this;
    }

    public FormErrors fromGateway(GatewayProblem problem, String fallbackField) {
        if (problem.status() == 429) {
            errors.putIfAbsent(fallbackField, "You have tried too many times. Wait " + minutes(problem.retryAfterSeconds()) + " and try again");
        } else if (!problem.fields().isEmpty()) {
            problem.fields().forEach((field, message) -> errors.putIfAbsent(field, sentence(field, message)));
        } else {
            throw problem;
        }
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public Map<String, String> asMap() {
        return errors;
    }

    private static String sentence(String field, String message) {
        String named = switch (field) {
            case "password" -> "Your password ";
            case "email" -> "Your email address ";
            case "givenName" -> "Your first name ";
            case "familyName" -> "Your last name ";
            default -> "This ";
        };
        return named + message;
    }

    private static String minutes(Long seconds) {
        if (seconds == null || seconds < 60) {
            return "a minute";
        }
        long minutes = (seconds + 59) / 60;
        return minutes + " minutes";
    }
}
