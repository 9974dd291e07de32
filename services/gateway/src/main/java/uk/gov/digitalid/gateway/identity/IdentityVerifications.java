package uk.gov.digitalid.gateway.identity;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import uk.gov.digitalid.commons.events.EventTypes;
import uk.gov.digitalid.commons.outbox.AuditEvents;
import uk.gov.digitalid.gateway.upstreams.GovConnectorsClient;
import uk.gov.digitalid.gateway.upstreams.GovConnectorsClient.HmrcMatchRequest;
import uk.gov.digitalid.gateway.upstreams.GovConnectorsClient.LicenceRequest;

/**
 * Proves a citizen's identity against HMRC and/or DVLA records through gov-connectors, scores the
 * outcome ({@link Gpg45Scoring}), records it in {@code verifications} and announces
 * {@code identity.verified} or {@code identity.verification-failed}. If a check cannot be made
 * (gov-connectors down), nothing is recorded and the citizen is asked to try again.
 */
public class IdentityVerifications {

    /** A recorded verification, as the citizen sees it (no document numbers). */
    public record Verification(UUID id, String status, String confidence, Gpg45Scoring.Scores scores, List<Map<String, Object>> checks,
                               String givenName, String familyName, LocalDate birthDate, Instant createdAt) {
    }

    private static final TypeReference<List<Map<String, Object>>> CHECKS = new TypeReference<>() { };

    private final GovConnectorsClient connectors;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AuditEvents audit;
    private final JsonMapper json;
    private final Clock clock;

    public IdentityVerifications(GovConnectorsClient connectors, JdbcClient jdbc, TransactionTemplate transactions, AuditEvents audit,
                                 JsonMapper json, Clock clock) {
        this.connectors = connectors;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** @param clientIp the citizen's address, in the audit event: fraud-analytics counts identities proved per address */
    public Verification verify(UUID accountId, HmrcMatchRequest hmrc, LicenceRequest licence, String clientIp) {
        List<Map<String, Object>> checks = new ArrayList<>();
        Boolean hmrcMatched = null;
        Boolean licenceValid = null;
        if (hmrc != null) {
            var match = connectors.matchIndividual(hmrc);
            hmrcMatched = match.matched();
            checks.add(check("hmrc-individual-match", match.matched(), match.reasons()));
        }
        if (licence != null) {
            var result = connectors.checkLicence(licence);
            licenceValid = result.valid();
            checks.add(check("dvla-driving-licence", result.valid(), result.reasons()));
        }
        if (hmrc != null && licence != null && !consistent(hmrc, licence)) {
            checks.add(check("details-consistent", false, List.of("surname-or-birth-date-differ")));
            licenceValid = false;
        }
        Gpg45Scoring.Scores scores = Gpg45Scoring.score(hmrcMatched, licenceValid);
        String givenName = hmrc == null ? null : hmrc.givenName();
        String familyName = hmrc != null ? hmrc.familyName() : licence.surname();
        LocalDate birthDate = hmrc != null ? hmrc.dateOfBirth() : licence.dateOfBirth();
        Verification verification = new Verification(UUID.randomUUID(), scores.verified() ? "VERIFIED" : "FAILED",
                scores.confidence(), scores, checks, givenName, familyName, birthDate, clock.instant());
        String subject = accountId.toString();
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("""
                            insert into verifications (id, user_id, status, confidence, strength_score, validity_score,
                                verification_score, activity_history_score, identity_fraud_score, given_name, family_name,
                                birth_date, checks, created_at)
                            values (:id, :user, :status, :confidence, :s, :v, :ver, :a, :f, :given, :family, :birth,
                                cast(:checks as jsonb), :created)""")
                    .param("id", verification.id()).param("user", accountId).param("status", verification.status())
                    .param("confidence", scores.confidence()).param("s", scores.strength()).param("v", scores.validity())
                    .param("ver", scores.verification()).param("a", scores.activityHistory()).param("f", scores.identityFraud())
                    .param("given", givenName).param("family", familyName).param("birth", birthDate)
                    .param("checks", json.writeValueAsString(checks))
                    .param("created", OffsetDateTime.ofInstant(verification.createdAt(), ZoneOffset.UTC))
                    .update();
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("accountId", subject);
            data.put("verificationId", verification.id().toString());
            data.put("clientIp", clientIp);
            data.put("confidence", scores.confidence());
            data.put("checks", checks.stream().map(c -> c.get("check") + ":" + c.get("passed")).toList());
            audit.record(scores.verified() ? EventTypes.IDENTITY_VERIFIED : EventTypes.IDENTITY_VERIFICATION_FAILED, subject, data);
        });
        return verification;
    }

    public Optional<Verification> latest(UUID accountId) {
        return jdbc.sql("select * from verifications where user_id = :user order by created_at desc limit 1")
                .param("user", accountId)
                .query((rs, n) -> new Verification(rs.getObject("id", UUID.class), rs.getString("status"), rs.getString("confidence"),
                        new Gpg45Scoring.Scores(rs.getInt("strength_score"), rs.getInt("validity_score"), rs.getInt("verification_score"),
                                rs.getInt("activity_history_score"), rs.getInt("identity_fraud_score"), rs.getString("confidence")),
                        json.readValue(rs.getString("checks"), CHECKS), rs.getString("given_name"), rs.getString("family_name"),
                        rs.getObject("birth_date", LocalDate.class), rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    private static boolean consistent(HmrcMatchRequest hmrc, LicenceRequest licence) {
        return hmrc.familyName().trim().equalsIgnoreCase(licence.surname().trim())
                && hmrc.dateOfBirth().equals(licence.dateOfBirth());
    }

    private static Map<String, Object> check(String name, boolean passed, List<String> reasons) {
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("check", name);
        check.put("passed", passed);
        check.put("reasons", reasons == null ? List.of() : reasons.stream().map(r -> r.toLowerCase(Locale.ROOT)).toList());
        return check;
    }
}
