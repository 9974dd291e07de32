package uk.gov.digitalid.commons.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import uk.gov.digitalid.backing.junit.WithBackingServices;
import uk.gov.digitalid.backing.kafka.KafkaConnection;
import uk.gov.digitalid.backing.junit.KafkaTopicReader;
import uk.gov.digitalid.commons.events.CloudEventCodec;
import uk.gov.digitalid.commons.events.CloudEventSender;
import uk.gov.digitalid.commons.events.Topics;
import uk.gov.digitalid.commons.events.EventType;
import uk.gov.digitalid.commons.inbox.ProcessedEvents;
import uk.gov.digitalid.commons.testapp.CommonsTestApplication;

@SpringBootTest(classes = CommonsTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@WithBackingServices
class OutboxIT {

    private static final EventType CHANGED = EventType.of("demo", "changed");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Autowired EventOutbox outbox;
    @Autowired OutboxRelay relay;
    @Autowired ProcessedEvents processedEvents;
    @Autowired CloudEventCodec codec;
    @Autowired CloudEventSender sender;
    @Autowired KafkaProperties kafkaProperties;
    @Autowired OutboxProperties outboxProperties;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired JsonMapper json;
    @Autowired Tracer tracer;
    @Autowired AuditEvents audit;
    @Autowired MeterRegistry meters;

    String topic;

    @BeforeEach
    void freshTopicAndEmptyOutbox() {
        topic = "outbox-test-" + UUID.randomUUID();
        relayUntilEmpty(relay);
    }

    @Test
    void committedEventReachesKafkaExactlyOnce(KafkaConnection kafka) {
        CloudEvent event = codec.create(CHANGED, "subject-1", Map.of("note", "committed"));
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("insert into demo_changes (note) values ('committed')").update();
            outbox.append(topic, "subject-1", event);
        });
        CloudEvent marker = appendCommitted("marker", 0);

        relayUntilEmpty(relay);
        List<CloudEvent> received = events(readUntilSeen(kafka, marker.getId()));

        assertThat(received).extracting(CloudEvent::getId).containsOnlyOnce(event.getId());
        CloudEvent delivered = received.stream().filter(e -> e.getId().equals(event.getId())).findFirst().orElseThrow();
        assertThat(delivered.getType()).isEqualTo("uk.gov.digitalid.demo.changed");
        assertThat(delivered.getSource().toString()).isEqualTo("/digital-id/commons-test");
        assertThat(delivered.getSpecVersion().toString()).isEqualTo("1.0");
        assertThat(codec.data(delivered, Map.class)).containsEntry("note", "committed");
        assertThat(unsentRows()).isZero();
    }

    @Test
    void relayedRecordContinuesTheTraceOfTheRequestThatWroteIt(KafkaConnection kafka) {
        Span span = tracer.nextSpan().name("register-account").start();
        CloudEvent event;
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            event = appendCommitted("subject-2", 0);
        } finally {
            span.end();
        }

        relayUntilEmpty(relay);
        ConsumerRecord<String, byte[]> record = readUntilSeen(kafka, event.getId()).stream()
                .filter(r -> codec.deserialize(r.value()).getId().equals(event.getId())).findFirst().orElseThrow();

        assertThat(new String(record.headers().lastHeader("traceparent").value()))
                .startsWith("00-" + span.context().traceId() + "-");
    }

    @Test
    void anObservationGoesStraightToAuditLogsWithItsTraceAndNoOutboxRow(KafkaConnection kafka) {
        String subject = "observed-" + UUID.randomUUID();
        long outboxRowsBefore = jdbc.sql("select count(*) from outbox_events").query(Long.class).single();
        Span span = tracer.nextSpan().name("verify-credential").start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            audit.recordObservation(CHANGED, subject, Map.of("note", "observed"));
        } finally {
            span.end();
        }

        List<ConsumerRecord<String, byte[]>> records = KafkaTopicReader.readUntil(kafka.bootstrapServers(), Topics.AUDIT_LOGS,
                read -> read.stream().anyMatch(r -> subject.equals(r.key())), TIMEOUT);
        ConsumerRecord<String, byte[]> record = records.stream().filter(r -> subject.equals(r.key())).findFirst().orElseThrow();

        assertThat(codec.deserialize(record.value()).getSubject()).isEqualTo(subject);
        assertThat(new String(record.headers().lastHeader("traceparent").value())).startsWith("00-" + span.context().traceId() + "-");
        assertThat(jdbc.sql("select count(*) from outbox_events").query(Long.class).single()).isEqualTo(outboxRowsBefore);
    }

    @Test
    void theBacklogGaugesCountWhatIsNotYetOnKafka(KafkaConnection kafka) {
        assertThat(meters.get("digitalid.outbox.pending").gauge().value()).isZero();
        appendCommitted("waiting-1", 0);
        appendCommitted("waiting-2", 0);
        jdbc.sql("update outbox_events set created_at = now() - interval '90 seconds' where sent_at is null").update();
        assertThat(meters.get("digitalid.outbox.pending").gauge().value()).isEqualTo(2);
        assertThat(meters.get("digitalid.outbox.oldest.pending.age").gauge().value()).isBetween(89.0, 120.0);

        relayUntilEmpty(relay);
        assertThat(meters.get("digitalid.outbox.pending").gauge().value()).isZero();
        assertThat(meters.get("digitalid.outbox.oldest.pending.age").gauge().value()).isZero();
    }

    @Test
    void rolledBackEventNeverReachesKafka(KafkaConnection kafka) {
        CloudEvent rolledBack = codec.create(CHANGED, "subject-1", Map.of("note", "rolled back"));
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("insert into demo_changes (note) values ('rolled back')").update();
            outbox.append(topic, "subject-1", rolledBack);
            tx.setRollbackOnly();
        });
        CloudEvent marker = appendCommitted("marker", 0);

        relayUntilEmpty(relay);
        List<CloudEvent> received = events(readUntilSeen(kafka, marker.getId()));

        assertThat(received).extracting(CloudEvent::getId).doesNotContain(rolledBack.getId()).contains(marker.getId());
        assertThat(jdbc.sql("select count(*) from demo_changes where note = 'rolled back'").query(Long.class).single()).isZero();
    }

    @Test
    void appendingOutsideATransactionIsRefused() {
        CloudEvent event = codec.create(CHANGED, "subject-1", Map.of());
        assertThatThrownBy(() -> outbox.append(topic, "subject-1", event))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void relayKilledMidBatchLosesNothingAndEachEventIsAppliedOnce(KafkaConnection kafka) {
        List<String> keys = List.of("citizen-a", "citizen-b", "citizen-c");
        List<String> appended = new ArrayList<>();
        for (int seq = 0; seq < 10; seq++) {
            for (String key : keys) {
                appended.add(appendCommitted(key, seq).getId());
            }
        }

        OutboxRelay dying = new OutboxRelay(jdbc, transactions, new DiesAfter(8), outboxProperties, json, Clock.systemUTC());
        assertThatThrownBy(dying::relayBatch).hasMessageContaining("relay killed");
        assertThat(unsentRows()).as("nothing marked sent by the killed batch").isEqualTo(30);

        relayUntilEmpty(relay);
        List<ConsumerRecord<String, byte[]>> records = KafkaTopicReader.readUntil(kafka.bootstrapServers(), topic,
                r -> events(r).stream().map(CloudEvent::getId).distinct().count() == 30, TIMEOUT);

        assertThat(records.size()).as("the killed batch's first sends arrive twice").isGreaterThan(30);
        int applied = 0;
        for (ConsumerRecord<String, byte[]> record : records) {
            CloudEvent event = codec.deserialize(record.value());
            boolean ran = processedEvents.processOnce("outbox-test", event.getId(), () -> jdbc.sql(
                            "insert into applied_effects (event_id, event_key, seq) values (:id, :key, :seq)")
                    .param("id", event.getId()).param("key", record.key())
                    .param("seq", ((Number) codec.data(event, Map.class).get("seq")).intValue())
                    .update());
            applied += ran ? 1 : 0;
        }
        assertThat(applied).isEqualTo(30);
        assertThat(jdbc.sql("select event_id from applied_effects").query(String.class).list())
                .containsExactlyInAnyOrderElementsOf(appended);
        for (String key : keys) {
            assertThat(jdbc.sql("select seq from applied_effects where event_key = :key order by applied_order")
                    .param("key", key).query(Integer.class).list())
                    .as("per-key order of %s", key).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        }
    }

    @Test
    void runningRelayPublishesCommittedEventsByItself(KafkaConnection kafka) {
        OutboxRelay background = new OutboxRelay(jdbc, transactions, sender,
                new OutboxProperties(true, 50, Duration.ofMillis(50), Duration.ofSeconds(10), Duration.ofDays(1)),
                json, Clock.systemUTC());
        background.start();
        try {
            CloudEvent last = null;
            for (int seq = 0; seq < 5; seq++) {
                last = appendCommitted("citizen-d", seq);
            }
            assertThat(events(readUntilSeen(kafka, last.getId()))).hasSize(5);
        } finally {
            background.stop();
        }
        assertThat(background.isRunning()).isFalse();
    }

    private CloudEvent appendCommitted(String key, int seq) {
        CloudEvent event = codec.create(CHANGED, key, Map.of("seq", seq));
        transactions.executeWithoutResult(tx -> outbox.append(topic, key, event));
        return event;
    }

    private static void relayUntilEmpty(OutboxRelay relay) {
        while (relay.relayBatch() > 0) {
            // keep going until a batch finds nothing
        }
    }

    private long unsentRows() {
        return jdbc.sql("select count(*) from outbox_events where topic = :topic and sent_at is null")
                .param("topic", topic).query(Long.class).single();
    }

    private List<ConsumerRecord<String, byte[]>> readUntilSeen(KafkaConnection kafka, String eventId) {
        return KafkaTopicReader.readUntil(kafka.bootstrapServers(), topic,
                records -> events(records).stream().anyMatch(e -> e.getId().equals(eventId)), TIMEOUT);
    }

    private List<CloudEvent> events(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> codec.deserialize(r.value())).toList();
    }

    /** A sender that dies part way through a batch, after Kafka has accepted some of it. */
    private final class DiesAfter extends CloudEventSender {

        private final AtomicInteger remaining;

        DiesAfter(int sends) {
            super(kafkaProperties.buildProducerProperties(), codec);
            this.remaining = new AtomicInteger(sends);
        }

        @Override
        public CompletableFuture<SendResult<String, byte[]>> send(String topic, String key, byte[] event, Map<String, String> headers) {
            if (remaining.getAndDecrement() <= 0) {
                flush();
                destroy();
                throw new IllegalStateException("relay killed");
            }
            return super.send(topic, key, event, headers);
        }
    }
}
