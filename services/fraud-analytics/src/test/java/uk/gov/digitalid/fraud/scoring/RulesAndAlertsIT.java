package uk.gov.digitalid.fraud.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.digitalid.fraud.FraudTestEvents.await;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import uk.gov.digitalid.backing.junit.KafkaTopicReader;
import uk.gov.digitalid.backing.junit.SharedBackingServices;
import uk.gov.digitalid.backing.junit.WithBackingServices;
import uk.gov.digitalid.commons.events.CloudEventCodec;
import uk.gov.digitalid.commons.events.CloudEventSender;
import uk.gov.digitalid.commons.events.EventTypes;
import uk.gov.digitalid.commons.sync.SyncMessage;
import uk.gov.digitalid.fraud.FraudTestEvents;
import uk.gov.digitalid.fraud.auditlog.CanonicalEvent;

/** Each rule at its threshold and one below, with real Redis windows; a failed sign-in burst end to end. */
@SpringBootTest
@ActiveProfiles("it")
@WithBackingServices
class RulesAndAlertsIT {

    @Autowired MeterRegistry meters;
    @Autowired RiskScorer scorer;
    @Autowired RuleSettings rules;
    @Autowired CloudEventCodec codec;
    @Autowired CloudEventSender sender;
    @Autowired JdbcClient jdbc;
    @Autowired StringRedisTemplate redis;

    @ParameterizedTest
    @EnumSource(Rule.class)
    void eachRuleFiresAtItsThresholdAndNotBelow(Rule rule) {
        long threshold = rules.of(rule).threshold();
        String entity = UUID.randomUUID().toString();
        Instant now = Instant.now();
        for (long i = 1; i < threshold; i++) {
            assertThat(fired(scorer.score(List.of(eventFor(rule.signal(), entity, now, i))).get(0), rule)).as("count %d of %d", i, threshold).isFalse();
        }
        RiskScorer.Assessment atThreshold = scorer.score(List.of(eventFor(rule.signal(), entity, now, threshold))).get(0);
        assertThat(fired(atThreshold, rule)).isTrue();
        assertThat(atThreshold.counts().get(rule.signal())).isEqualTo(threshold);
        assertThat(atThreshold.score()).isGreaterThanOrEqualTo(rules.of(rule).score());
    }

    @Test
    void windowsForgetEventsOlderThanTheWindow() {
        String account = UUID.randomUUID().toString();
        Instant longAgo = Instant.now().minus(Duration.ofHours(2));
        for (int i = 0; i < 9; i++) {
            scorer.score(List.of(eventFor(Signal.FAILED_SIGN_INS_BY_ACCOUNT, account, longAgo, i)));
        }
        RiskScorer.Assessment now = scorer.score(List.of(eventFor(Signal.FAILED_SIGN_INS_BY_ACCOUNT, account, Instant.now(), 99))).get(0);
        assertThat(now.counts().get(Signal.FAILED_SIGN_INS_BY_ACCOUNT)).isEqualTo(1);
        assertThat(now.fired()).isEmpty();
    }

    @Test
    void aBurstOfFailedSignInsRaisesOneCriticalAlertAndLocksTheAccount() {
        String account = UUID.randomUUID().toString();
        double criticalBefore = meters.counter("fraud.alerts.raised", "severity", "CRITICAL", "rule", "failed-sign-ins-per-account-critical").count();
        List<String> locked = new CopyOnWriteArrayList<>();
        AtomicBoolean subscribed = new AtomicBoolean();
        RedisMessageListenerContainer subscription = new RedisMessageListenerContainer();
        subscription.setConnectionFactory(redis.getConnectionFactory());
        subscription.addMessageListener((MessageListener) (Message message, byte[] pattern) -> {
            String body = new String(message.getBody(), StandardCharsets.UTF_8);
            if (body.startsWith("probe ")) {
                subscribed.set(true);
            } else if (body.contains(account)) {
                locked.add(body);
            }
        }, new ChannelTopic(SyncMessage.CHANNEL));
        subscription.afterPropertiesSet();
        subscription.start();
        try {
            // Subscribing is asynchronous: wait until a probe comes through, so no real message can be missed.
            await("the subscription", Duration.ofSeconds(10), () -> {
                redis.convertAndSend(SyncMessage.CHANNEL, "probe " + account);
                return subscribed.get();
            });
            FraudTestEvents events = new FraudTestEvents(sender, codec);
            CloudEvent last = null;
            for (int i = 0; i < 12; i++) {
                last = events.publish(EventTypes.SESSION_LOGIN_FAILED, account,
                        Map.of("accountId", account, "reason", "wrong-password", "clientIp", "198.51.100." + (i % 3)));
            }
            String lastId = last.getId();
            await("the burst stored", Duration.ofSeconds(60), () -> jdbc.sql("select count(*) from audit_logs where event_id = :id")
                    .param("id", lastId).query(Long.class).single() == 1);
            await("account.locked on digital-id.sync", Duration.ofSeconds(10), () -> !locked.isEmpty());
        } finally {
            subscription.stop();
        }
        assertThat(locked).hasSize(1).first().asString().contains("\"type\":\"account.locked\"");
        List<Map<String, Object>> alerts = jdbc.sql("select rule, severity, status from alerts where subject = :s order by created_at")
                .param("s", account).query().listOfRows();
        assertThat(alerts).extracting(a -> a.get("severity") + " " + a.get("rule"))
                .contains("CRITICAL failed-sign-ins-per-account-critical").doesNotHaveDuplicates();

        List<ConsumerRecord<String, byte[]>> raised = KafkaTopicReader.readUntil(
                SharedBackingServices.instance().services().kafka().bootstrapServers(), "fraud-alerts",
                records -> records.stream().filter(r -> account.equals(r.key())).count() >= alerts.size(), Duration.ofSeconds(30));
        assertThat(raised.stream().filter(r -> account.equals(r.key())).map(r -> codec.deserialize(r.value()).getType()))
                .hasSize(alerts.size()).containsOnly("uk.gov.digitalid.fraud.alert-raised");
        assertThat(meters.counter("fraud.alerts.raised", "severity", "CRITICAL", "rule", "failed-sign-ins-per-account-critical").count())
                .as("counted once committed").isEqualTo(criticalBefore + 1);
    }

    private static boolean fired(RiskScorer.Assessment assessment, Rule rule) {
        return assessment.fired().stream().anyMatch(f -> f.rule() == rule);
    }

    private CanonicalEvent eventFor(Signal signal, String entity, Instant at, long n) {
        String account = signal.entityKind().equals("account") ? entity : "account-" + n + "-" + entity;
        String ip = signal.entityKind().equals("ip") ? entity : "203.0.113." + (n % 250);
        Map<String, Object> data = switch (signal) {
            case FAILED_SIGN_INS_BY_ACCOUNT, FAILED_SIGN_INS_BY_IP -> Map.of("accountId", account, "reason", "wrong-password", "clientIp", ip);
            case REGISTRATIONS_BY_IP -> Map.of("accountId", account, "clientIp", ip);
            case IDENTITIES_PROVED_BY_IP -> Map.of("accountId", account, "clientIp", ip, "confidence", "P2");
            case VERIFICATIONS_BY_RELYING_PARTY -> Map.of("clientId", entity, "valid", true);
        };
        var type = switch (signal) {
            case FAILED_SIGN_INS_BY_ACCOUNT, FAILED_SIGN_INS_BY_IP -> EventTypes.SESSION_LOGIN_FAILED;
            case REGISTRATIONS_BY_IP -> EventTypes.ACCOUNT_REGISTERED;
            case IDENTITIES_PROVED_BY_IP -> EventTypes.IDENTITY_VERIFIED;
            case VERIFICATIONS_BY_RELYING_PARTY -> EventTypes.CREDENTIAL_VERIFIED;
        };
        CloudEvent event = CloudEventBuilder.v1(codec.create(type, account, data)).withTime(at.atOffset(ZoneOffset.UTC)).build();
        return CanonicalEvent.parse(codec.serialize(event));
    }
}
