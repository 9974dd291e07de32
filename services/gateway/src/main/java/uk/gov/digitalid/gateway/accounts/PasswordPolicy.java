package uk.gov.digitalid.gateway.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * NCSC-style password checks: long enough, not absurdly long, and not guessable — not on a deny-list
 * of common and breached passwords (also after undoing leetspeak and stripping trailing digits and
 * symbols), not a run or a sequence, not built from the person's own email or names. No composition
 * rules (no "one upper case, one digit").
 */
public class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 256;

    private final Set<String> denied;

    public PasswordPolicy() {
        this.denied = load("common-passwords.txt");
    }

    /** Why the password will not do, or empty when it is acceptable. */
    public Optional<String> problem(String password, String email, String givenName, String familyName) {
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("must be at least " + MIN_LENGTH + " characters");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (password.chars().distinct().count() <= 2 || isSequence(lower)) {
            return Optional.of("is too easy to guess: avoid repeated characters and sequences");
        }
        String stripped = stripEnds(lower);
        String core = stripEnds(unLeet(stripped));
        if (denied.contains(lower) || denied.contains(stripped) || denied.contains(core) || denied.contains(unLeet(lower))) {
            return Optional.of("is too common: it appears in lists of passwords attackers try first");
        }
        String localPart = email == null ? "" : email.toLowerCase(Locale.ROOT).split("@", 2)[0];
        for (String personal : new String[] {localPart, lowerOrEmpty(givenName), lowerOrEmpty(familyName)}) {
            if (personal.length() >= 4 && (mostlyMadeOf(lower, personal) || mostlyMadeOf(core, personal))) {
                return Optional.of("is too easy to guess: do not build it from your name or email address");
            }
        }
        return Optional.empty();
    }

    private static boolean isSequence(String password) {
        int ascending = 0;
        int descending = 0;
        for (int i = 1; i < password.length(); i++) {
            int step = password.charAt(i) - password.charAt(i - 1);
            ascending += step == 1 ? 1 : 0;
            descending += step == -1 ? 1 : 0;
        }
        int steps = password.length() - 1;
        return ascending == steps || descending == steps;
    }

    /** The password is the personal detail plus at most three more characters. */
    private static boolean mostlyMadeOf(String password, String personal) {
        return password.contains(personal) && password.length() - personal.length() < 4;
    }

    /** Without leading and trailing digits and symbols: "!password123" becomes "password". */
    private static String stripEnds(String password) {
        return password.replaceAll("[^\\p{L}]+$", "").replaceAll("^[^\\p{L}]+", "");
    }

    private static String unLeet(String password) {
        return password.replace('0', 'o').replace('1', 'i').replace('3', 'e').replace('4', 'a')
                .replace('5', 's').replace('7', 't').replace('@', 'a').replace('$', 's').replace('!', 'i');
    }

    private static String lowerOrEmpty(String value) {
        return value == null ? "" : value.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
    }

    private static Set<String> load(String resource) {
        var stream = PasswordPolicy.class.getResourceAsStream(resource);
        if (stream == null) {
            throw new IllegalStateException("Missing password deny-list " + resource);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            return reader.lines().map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
