package uk.gov.digitalid.commons.events;

import java.util.regex.Pattern;

/**
 * A CloudEvents {@code type} of this platform: {@code uk.gov.digitalid.<noun>.<verb>}, both parts
 * lower-case words joined by hyphens (e.g. {@code uk.gov.digitalid.session.login-failed}).
 */
public record EventType(String value) {

    public static final String PREFIX = "uk.gov.digitalid.";
    private static final String WORDS = "[a-z][a-z0-9]*(-[a-z0-9]+)*";
    private static final Pattern VALID = Pattern.compile(Pattern.quote(PREFIX) + WORDS + "\\." + WORDS);

    public EventType {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("Event type must look like uk.gov.digitalid.<noun>.<verb>: " + value);
        }
    }

    public static EventType of(String noun, String verb) {
        return new EventType(PREFIX + noun + "." + verb);
    }

    @Override
    public String toString() {
        return value;
    }
}
