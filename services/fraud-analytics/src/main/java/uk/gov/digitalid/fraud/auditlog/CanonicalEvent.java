package uk.gov.digitalid.fraud.auditlog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * An audit event in canonical form: its structured CloudEvent JSON with every object's keys sorted,
 * no insignificant whitespace. The chain hash of a row is SHA-256 over the previous row's hash and
 * this text, so any change to a stored event or to the order of rows shows. {@code data} is the
 * event's data, parsed once for scoring.
 */
public record CanonicalEvent(String eventId, String type, String subject, OffsetDateTime time, String json, Map<String, Object> data) {

    public static final String GENESIS = "0".repeat(64);

    private static final JsonMapper SORTED = JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    /**
     * Reads a structured-mode CloudEvent 1.0 (JSON) once, checks what an audit event needs and keeps
     * its canonical text.
     *
     * @throws IllegalArgumentException if the bytes are not such an event with id, type, source, subject and time
     */
    public static CanonicalEvent parse(byte[] serialized) {
        Object tree;
        try {
            tree = SORTED.readValue(serialized, Object.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (!(tree instanceof Map<?, ?> fields)) {
            throw new IllegalArgumentException("not a JSON object");
        }
        if (!"1.0".equals(fields.get("specversion"))) {
            throw new IllegalArgumentException("not a CloudEvents 1.0 event");
        }
        String id = text(fields, "id");
        String type = text(fields, "type");
        String subject = text(fields, "subject");
        text(fields, "source");
        OffsetDateTime time;
        try {
            time = OffsetDateTime.parse(text(fields, "time"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("time is not an RFC 3339 timestamp");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> data = fields.get("data") instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        return new CanonicalEvent(id, type, subject, time, SORTED.writeValueAsString(tree), data);
    }

    private static String text(Map<?, ?> fields, String name) {
        if (!(fields.get(name) instanceof String value) || value.isBlank()) {
            throw new IllegalArgumentException("an audit event needs " + name);
        }
        return value;
    }

    /** The fields the row's columns must agree with, read back from stored canonical JSON. */
    public static Map<String, Object> fields(String json) {
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = SORTED.readValue(json, Map.class);
        return fields;
    }

    public static String chainHash(String previousHash, String canonicalJson) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(previousHash.getBytes(StandardCharsets.US_ASCII));
            sha256.update((byte) '\n');
            sha256.update(canonicalJson.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
