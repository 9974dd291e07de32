package uk.gov.digitalid.commons.sync;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A small message on the Redis channel {@code digital-id.sync} telling every instance of every
 * service to drop what it cached about a subject.
 *
 * @param type    what happened, e.g. {@code account.locked}
 * @param subject whom it concerns: an account, session or credential id, or a key id
 * @param origin  the service instance that sent it
 * @param sentAt  when it was sent
 */
public record SyncMessage(String type, String subject, String origin, Instant sentAt) {

    public static final String CHANNEL = "digital-id.sync";
    public static final String ACCOUNT_LOCKED = "account.locked";
    public static final String SESSION_REVOKED = "session.revoked";
    public static final String CREDENTIAL_REVOKED = "credential.revoked";
    public static final String SIGNING_KEYS_ROTATED = "signing-keys.rotated";

    private static final Pattern TYPE = Pattern.compile("[a-z][a-z-]*\\.[a-z][a-z-]*");

    public SyncMessage {
        if (type == null || !TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("Sync message type must look like noun.verb: " + type);
        }
        if (subject == null || subject.isBlank() || subject.length() > 200) {
            throw new IllegalArgumentException("Sync message needs a subject of at most 200 characters");
        }
    }

    public boolean is(String expectedType) {
        return type.equals(expectedType);
    }
}
