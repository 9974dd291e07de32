package uk.gov.digitalid.fraud.auditlog;

import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * An audit event in canonical form: its structured CloudEvent JSON with every object's keys sorted,
 * no insignificant whitespace. The chain hash of a row is SHA-256 over the previous row's hash and
 * this text, so any change to a stored event or to the order of rows shows.
 */
public record CanonicalEvent(String eventId, String type, String subject, OffsetDateTime time, String json) {

    public static final String GENESIS = "0".repeat(64);

    private static final JsonMapper SORTED = JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    /** @throws IllegalArgumentException if the bytes are not a CloudEvent with id, type, subject and time */
    public static CanonicalEvent of(CloudEvent event, byte[] serialized) {
        if (event.getId() == null || event.getType() == null || event.getSubject() == null || event.getSubject().isBlank()
                || event.getTime() == null) {
            throw new IllegalArgumentException("an audit event needs id, type, subject and time");
        }
        Object tree = SORTED.readValue(serialized, Object.class);
        if (!(tree instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("an audit event is a JSON object");
        }
        return new CanonicalEvent(event.getId(), event.getType(), event.getSubject(), event.getTime(), SORTED.writeValueAsString(tree));
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
