package uk.gov.digitalid.fraud.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import uk.gov.digitalid.fraud.auditlog.CanonicalEvent;

/** Which windows an audit event counts in, from its type and data. */
public final class EventSignals {

    private static final String PREFIX = "uk.gov.digitalid.";

    private EventSignals() {
    }

    public static List<Observation> of(CanonicalEvent event) {
        Map<String, Object> data = event.data();
        String ip = text(data, "clientIp");
        String account = text(data, "accountId");
        List<Observation> observations = new ArrayList<>();
        switch (event.type().startsWith(PREFIX) ? event.type().substring(PREFIX.length()) : "") {
            case "session.login-failed" -> {
                if (account != null) {
                    observations.add(new Observation(Signal.FAILED_SIGN_INS_BY_ACCOUNT, account, event.time().toInstant(), null));
                }
                if (ip != null) {
                    observations.add(new Observation(Signal.FAILED_SIGN_INS_BY_IP, ip, event.time().toInstant(), null));
                }
            }
            case "account.registered" -> {
                if (ip != null) {
                    observations.add(new Observation(Signal.REGISTRATIONS_BY_IP, ip, event.time().toInstant(), null));
                }
            }
            case "identity.verified", "identity.verification-failed" -> {
                if (ip != null) {
                    observations.add(new Observation(Signal.IDENTITIES_PROVED_BY_IP, ip, event.time().toInstant(),
                            account != null ? account : event.subject()));
                }
            }
            case "credential.verified" -> {
                String client = text(data, "clientId");
                if (client != null) {
                    observations.add(new Observation(Signal.VERIFICATIONS_BY_RELYING_PARTY, client, event.time().toInstant(), null));
                }
            }
            default -> {
            }
        }
        return observations;
    }

    private static String text(Map<String, Object> data, String field) {
        return data.get(field) instanceof String value && !value.isBlank() && value.length() <= 200 ? value : null;
    }
}
