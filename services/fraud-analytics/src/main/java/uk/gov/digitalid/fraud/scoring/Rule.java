package uk.gov.digitalid.fraud.scoring;

/** The rules, each over one signal's window; thresholds, windows and scores come from {@code fraud.rules.*}. */
public enum Rule {
    FAILED_SIGN_INS_PER_ACCOUNT("failed-sign-ins-per-account", Signal.FAILED_SIGN_INS_BY_ACCOUNT),
    FAILED_SIGN_INS_PER_ACCOUNT_CRITICAL("failed-sign-ins-per-account-critical", Signal.FAILED_SIGN_INS_BY_ACCOUNT),
    FAILED_SIGN_INS_PER_IP("failed-sign-ins-per-ip", Signal.FAILED_SIGN_INS_BY_IP),
    IDENTITIES_PROVED_PER_IP("identities-proved-per-ip", Signal.IDENTITIES_PROVED_BY_IP),
    REGISTRATIONS_PER_IP("registrations-per-ip", Signal.REGISTRATIONS_BY_IP),
    VERIFICATIONS_PER_RELYING_PARTY("verifications-per-relying-party", Signal.VERIFICATIONS_BY_RELYING_PARTY);

    private final String id;
    private final Signal signal;

    Rule(String id, Signal signal) {
        this.id = id;
        this.signal = signal;
    }

    public String id() {
        return id;
    }

    public Signal signal() {
        return signal;
    }
}
