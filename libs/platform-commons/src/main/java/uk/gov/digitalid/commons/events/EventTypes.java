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
    public static final EventType FRAUD_ALERT_ACKNOWLEDGED = EventType.of("fraud", "alert-acknowledged");
    public static final EventType FRAUD_ALERT_RESOLVED = EventType.of("fraud", "alert-resolved");
    public static final EventType ACCOUNT_UNLOCKED = EventType.of("account", "unlocked");
    public static final EventType CREDENTIAL_REVOCATION_REQUESTED = EventType.of("credential", "revocation-requested");
    public static final EventType OPERATOR_SIGNED_IN = EventType.of("operator", "signed-in");
    public static final EventType OPERATOR_SIGN_IN_FAILED = EventType.of("operator", "sign-in-failed");
    public static final EventType SYSTEM_METRICS_REPORTED = EventType.of("system", "metrics-reported");

    private EventTypes() {
    }
}
