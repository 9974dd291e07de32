package uk.gov.digitalid.commons.events;

/** The event types services exchange (ARCHITECTURE.md, cross-service contracts). */
public final class EventTypes {

    public static final EventType ACCOUNT_REGISTERED = EventType.of("account", "registered");
    public static final EventType ACCOUNT_LOCKED = EventType.of("account", "locked");
    public static final EventType SESSION_ENDED = EventType.of("session", "ended");
    public static final EventType SESSION_LOGIN_SUCCEEDED = EventType.of("session", "login-succeeded");
    public static final EventType SESSION_LOGIN_FAILED = EventType.of("session", "login-failed");
    public static final EventType IDENTITY_VERIFIED = EventType.of("identity", "verified");
    public static final EventType IDENTITY_VERIFICATION_FAILED = EventType.of("identity", "verification-failed");
    public static final EventType CREDENTIAL_ISSUED = EventType.of("credential", "issued");
    public static final EventType CREDENTIAL_VERIFIED = EventType.of("credential", "verified");
    public static final EventType CREDENTIAL_REVOKED = EventType.of("credential", "revoked");
    public static final EventType FRAUD_ALERT_RAISED = EventType.of("fraud", "alert-raised");
    public static final EventType SYSTEM_METRICS_REPORTED = EventType.of("system", "metrics-reported");

    private EventTypes() {
    }
}
