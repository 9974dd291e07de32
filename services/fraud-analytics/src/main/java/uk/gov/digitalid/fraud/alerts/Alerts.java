package uk.gov.digitalid.fraud.alerts;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;
import uk.gov.digitalid.commons.events.CloudEventCodec;
import uk.gov.digitalid.commons.events.EventTypes;
import uk.gov.digitalid.commons.events.Topics;
import uk.gov.digitalid.commons.outbox.EventOutbox;
import uk.gov.digitalid.commons.sync.SyncMessage;
import uk.gov.digitalid.commons.sync.SyncPublisher;
import uk.gov.digitalid.fraud.scoring.RiskScorer.Assessment;
import uk.gov.digitalid.fraud.scoring.RiskScorer.FiredRule;
import uk.gov.digitalid.fraud.scoring.Signal;

/**
 * Turns high scores into alerts, inside the ingesting transaction: one unresolved alert per subject,
 * rule and severity (a burst raises one, not hundreds), {@code fraud.alert-raised} on
 * {@code fraud-alerts} through the outbox, and for a critical alert on an account,
 * {@code account.locked} on {@code digital-id.sync} once the transaction has committed, when
 * {@code fraud.alerts.raised} (by severity and rule) is counted too.
 */
@Component
public class Alerts {

    private static final Logger log = LoggerFactory.getLogger(Alerts.class);

    private final JdbcClient jdbc;
    private final EventOutbox outbox;
    private final CloudEventCodec codec;
    private final SyncPublisher sync;
    private final AlertSettings settings;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final Clock clock;

    Alerts(JdbcClient jdbc, EventOutbox outbox, CloudEventCodec codec, SyncPublisher sync, AlertSettings settings, JsonMapper json,
           MeterRegistry meters) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.codec = codec;
        this.sync = sync;
        this.settings = settings;
        this.json = json;
        this.meters = meters;
        this.clock = Clock.systemUTC();
    }

    /** @return the alerts newly raised */
    public List<Alert> raise(List<Assessment> assessments) {
        List<Alert> raised = new ArrayList<>();
        List<String> accountsToLock = new ArrayList<>();
        for (Assessment assessment : assessments) {
            if (assessment.score() < settings.threshold()) {
                continue;
            }
            String severity = assessment.score() >= settings.critical() ? "CRITICAL" : "HIGH";
            FiredRule strongest = assessment.strongest().orElse(null);
            boolean ruleDecides = strongest != null && strongest.score() >= assessment.modelScore();
            String subject = ruleDecides ? strongest.subject() : assessment.event().subject();
            String rule = ruleDecides ? strongest.rule().id() : "model";
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("eventType", assessment.event().type());
            details.put("modelScore", Math.round(assessment.modelScore() * 1000) / 1000.0);
            details.put("rules", assessment.fired().stream().map(f -> Map.of("rule", f.rule().id(), "entity", f.subject(), "count", f.count())).toList());
            details.put("windows", assessment.counts());
            UUID id = UUID.randomUUID();
            OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
            int inserted = jdbc.sql("""
                            insert into alerts (id, subject, rule, severity, score, event_id, details, created_at)
                            values (:id, :subject, :rule, :severity, :score, :eventId, cast(:details as jsonb), :created)
                            on conflict (subject, rule, severity) where status <> 'RESOLVED' do nothing""")
                    .param("id", id).param("subject", subject).param("rule", rule).param("severity", severity)
                    .param("score", Math.min(0.999, assessment.score())).param("eventId", assessment.event().eventId())
                    .param("details", json.writeValueAsString(details)).param("created", now).update();
            if (inserted == 0) {
                continue;
            }
            Alert alert = new Alert(id, subject, rule, severity, assessment.score(), "OPEN", assessment.event().eventId(), details, now,
                    null, null, null, null, null);
            raised.add(alert);
            outbox.append(Topics.FRAUD_ALERTS, subject, codec.create(EventTypes.FRAUD_ALERT_RAISED, subject, Map.of(
                    "alertId", id.toString(), "rule", rule, "severity", severity, "score", alert.score(), "eventId", alert.eventId())));
            log.info("Fraud alert {} {} on {} ({}), score {}", id, severity, subject, rule, String.format("%.3f", assessment.score()));
            String account = ruleDecides ? (strongest.signal().entityKind().equals("account") ? subject : null) : accountOf(assessment);
            if ("CRITICAL".equals(severity) && account != null) {
                accountsToLock.add(account);
            }
        }
        if (!raised.isEmpty()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    raised.forEach(alert -> meters.counter("fraud.alerts.raised", "severity", alert.severity(), "rule", alert.rule()).increment());
                    accountsToLock.forEach(account -> sync.publish(SyncMessage.ACCOUNT_LOCKED, account));
                }
            });
        }
        return raised;
    }

    /** A model-only alert locks an account only when the event was about one: a failed sign-in on a known account. */
    private static String accountOf(Assessment assessment) {
        return assessment.counts().containsKey(Signal.FAILED_SIGN_INS_BY_ACCOUNT) ? assessment.event().subject() : null;
    }
}
