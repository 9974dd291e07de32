package uk.gov.digitalid.webpages.forms;

import java.util.LinkedHashMap;
import java.util.Map;
import uk.gov.digitalid.webpages.gateway.GatewayProblem;

/**
 * A form's errors in page order, one per field, as the GOV.UK error summary and error messages show
 * them. Errors from the gateway are put on the field it named, or on a fallback field; the gateway's
 * message ("must not be blank") is made a sentence with the field's name ("Your password ").
 */
public class FormErrors {

    private final Map<String, String> errors = new LinkedHashMap<>();
    private final Map<String, String> fieldNames;

    public FormErrors() {
        this(Map.of());
    }

    /** @param fieldNames how a sentence about each field starts, such as {@code "password" -> "Your password "} */
    public FormErrors(Map<String, String> fieldNames) {
        this.fieldNames = fieldNames;
    }

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

    private String sentence(String field, String message) {
        return fieldNames.getOrDefault(field, "This ") + message;
    }

    private static String minutes(Long seconds) {
        if (seconds == null || seconds < 60) {
            return "a minute";
        }
        long minutes = (seconds + 59) / 60;
        return minutes + " minutes";
    }
}
