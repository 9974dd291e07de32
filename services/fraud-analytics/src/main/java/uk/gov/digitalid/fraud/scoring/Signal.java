package uk.gov.digitalid.fraud.scoring;

import java.time.Duration;

/**
 * What the sliding windows count. Each is kept in Redis in time buckets; the distinct one in
 * HyperLogLogs (how many different accounts), the others as counters.
 */
public enum Signal {
    FAILED_SIGN_INS_BY_ACCOUNT("failed-sign-ins:account", "account", Duration.ofMinutes(1), false),
    FAILED_SIGN_INS_BY_IP("failed-sign-ins:ip", "ip", Duration.ofMinutes(1), false),
    IDENTITIES_PROVED_BY_IP("identities-proved:ip", "ip", Duration.ofHours(1), true),
    REGISTRATIONS_BY_IP("registrations:ip", "ip", Duration.ofMinutes(1), false),
    VERIFICATIONS_BY_RELYING_PARTY("verifications:relying-party", "relying-party", Duration.ofMinutes(1), false);

    private final String key;
    private final String entityKind;
    private final Duration bucket;
    private final boolean distinct;

    Signal(String key, String entityKind, Duration bucket, boolean distinct) {
        this.key = key;
        this.entityKind = entityKind;
        this.bucket = bucket;
        this.distinct = distinct;
    }

    public String key() {
        return key;
    }

    /** What the counted entity is: an account id, a client address or a relying party. */
    public String entityKind() {
        return entityKind;
    }

    public Duration bucket() {
        return bucket;
    }

    public boolean distinct() {
        return distinct;
    }
}
