package uk.gov.digitalid.fraud.scoring;

import java.util.Map;

/**
 * The model's inputs for one event: its kind and the window counts it touched (log-scaled; the
 * windows an event does not touch are 0). Training data and live scoring both go through here.
 */
public record RiskFeatures(String kind, long failedSignInsAccount, long failedSignInsIp, long identitiesProvedIp,
                           long registrationsIp, long verificationsRelyingParty) {

    public static final String[] KINDS = {"login-failed", "registered", "identity", "credential-verified", "other"};

    public static RiskFeatures of(String eventType, Map<Signal, Long> counts) {
        return new RiskFeatures(kindOf(eventType), counts.getOrDefault(Signal.FAILED_SIGN_INS_BY_ACCOUNT, 0L),
                counts.getOrDefault(Signal.FAILED_SIGN_INS_BY_IP, 0L), counts.getOrDefault(Signal.IDENTITIES_PROVED_BY_IP, 0L),
                counts.getOrDefault(Signal.REGISTRATIONS_BY_IP, 0L), counts.getOrDefault(Signal.VERIFICATIONS_BY_RELYING_PARTY, 0L));
    }

    static String kindOf(String eventType) {
        return switch (eventType) {
            case "uk.gov.digitalid.session.login-failed" -> "login-failed";
            case "uk.gov.digitalid.account.registered" -> "registered";
            case "uk.gov.digitalid.identity.verified", "uk.gov.digitalid.identity.verification-failed" -> "identity";
            case "uk.gov.digitalid.credential.verified" -> "credential-verified";
            default -> "other";
        };
    }

    public String[] names() {
        String[] names = new String[5 + KINDS.length];
        names[0] = "failedSignInsAccount";
        names[1] = "failedSignInsIp";
        names[2] = "identitiesProvedIp";
        names[3] = "registrationsIp";
        names[4] = "verificationsRelyingParty";
        for (int i = 0; i < KINDS.length; i++) {
            names[5 + i] = "kind=" + KINDS[i];
        }
        return names;
    }

    public double[] values() {
        double[] values = new double[5 + KINDS.length];
        values[0] = Math.log1p(failedSignInsAccount);
        values[1] = Math.log1p(failedSignInsIp);
        values[2] = Math.log1p(identitiesProvedIp);
        values[3] = Math.log1p(registrationsIp);
        values[4] = Math.log1p(verificationsRelyingParty);
        for (int i = 0; i < KINDS.length; i++) {
            values[5 + i] = KINDS[i].equals(kind) ? 1 : 0;
        }
        return values;
    }
}
