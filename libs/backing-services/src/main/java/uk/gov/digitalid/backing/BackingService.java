package uk.gov.digitalid.backing;

/** The servers every service of the platform depends on. */
public enum BackingService {
    POSTGRES("PostgreSQL"),
    REDIS("Redis"),
    KAFKA("Kafka");

    private final String displayName;

    BackingService(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
