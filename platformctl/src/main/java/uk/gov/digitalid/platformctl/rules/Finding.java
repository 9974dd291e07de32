package uk.gov.digitalid.platformctl.rules;

/** A rule that does not hold: which rule, on which object, and what is wrong in words. */
public record Finding(String rule, String object, String message) {

    @Override
    public String toString() {
        return rule + ": " + object + ": " + message;
    }
}
