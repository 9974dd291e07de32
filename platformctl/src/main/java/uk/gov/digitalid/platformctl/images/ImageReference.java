package uk.gov.digitalid.platformctl.images;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An image pinned by digest: {@code registry/path/name[:tag]@sha256:<64 hex>}. Anything else (a tag
 * alone, {@code latest}, a short or upper-case digest) is refused: what is promoted is exactly what
 * was built.
 */
public record ImageReference(String repository, String digest) {

    private static final Pattern REFERENCE = Pattern.compile(
            "((?:[a-z0-9]+(?:[._-][a-z0-9]+)*(?::[0-9]+)?/)*[a-z0-9]+(?:[._-][a-z0-9]+)*)(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?@(sha256:[0-9a-f]{64})");

    /** @throws IllegalArgumentException saying what is wrong */
    public static ImageReference parse(String text) {
        Matcher m = REFERENCE.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not an image pinned by digest (registry/name@sha256:<64 lower-case hex>): " + text);
        }
        return new ImageReference(m.group(1), m.group(2));
    }

    @Override
    public String toString() {
        return repository + "@" + digest;
    }
}
