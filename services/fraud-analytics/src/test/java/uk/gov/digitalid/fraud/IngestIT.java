package uk.gov.digitalid.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.digitalid.fraud.FraudTestEvents.await;

import io.cloudevents.CloudEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.ActiveProfiles;
import uk.gov.digitalid.backing.junit.KafkaTopicReader;
import uk.gov.digitalid.backing.junit.SharedBackingServices;
import uk.gov.digitalid.commons.events.CloudEventCodec;
import uk.gov.digitalid.commons.events.CloudEventSender;
import uk.gov.digitalid.commons.events.EventTypes;
import uk.gov.digitalid.backing.junit.WithBackingServices;
import uk.gov.digitalid.fraud.auditlog.ChainCheckCommand;
import uk.gov.digitalid.fraud.auditlog.ChainReport;
import uk.gov.digitalid.fraud.auditlog.ChainVerification;

/**
 * The audit-logs consumer against real Kafka, PostgreSQL and Redis: poison records, redelivery, a
 * consumer stopped mid-stream and replayed, and tampering with stored rows.
 */
@SpringBootTest
@ActiveProfiles("it")
@WithBackingServices
class IngestIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Autowired CloudEventSender sender;
    @Autowired CloudEventCodec codec;
    @Autowired JdbcClient jdbc;
    @Autowired ChainVerification chain;
    @Autowired KafkaListenerEndpointRegistry listeners;

    FraudTestEvents events;

    @BeforeEach
    void publisher() {
        events = new FraudTestEvents(sender, codec);
    }

    @Test
    void aPoisonRecordGoesToTheDlqWithItsReasonAndTheStreamKeepsFlowing() {
        String subject = "poison-" + UUID.randomUUID();
        CloudEvent before = events.publish(EventTypes.ACCOUNT_REGISTERED, subject, Map.of("accountId", subject, "clientIp", "192.0.2.1"));
        events.publishRaw(subject, ("not an event " + subject).getBytes(StandardCharsets.UTF_8));
        CloudEvent after = events.publish(EventTypes.SESSION_LOGIN_SUCCEEDED, subject, Map.of("accountId", subject, "clientIp", "192.0.2.1"));

        await("both good events stored", TIMEOUT, () -> rows(subject) == 2);
        assertThat(jdbc.sql("select event_id from audit_logs where subject = :s order by id").param("s", subject).query(String.class).list())
                .containsExactly(before.getId(), after.getId());

        List<ConsumerRecord<String, byte[]>> dlq = KafkaTopicReader.readUntil(kafka(), "audit-logs.dlq",
                records -> records.stream().anyMatch(r -> subject.equals(r.key())), TIMEOUT);
        ConsumerRecord<String, byte[]> dead = dlq.stream().filter(r -> subject.equals(r.key())).findFirst().orElseThrow();
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("not an event " + subject);
        assertThat(new String(dead.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8)).contains("not an audit event");
        assertThat(new String(dead.headers().lastHeader("kafka_dlt-original-topic").value(), StandardCharsets.UTF_8)).isEqualTo("audit-logs");
    }

    @Test
    void aRedeliveredEventIsStoredOnce() {
        String subject = "redelivered-" + UUID.randomUUID();
        CloudEvent event = codec.create(EventTypes.ACCOUNT_REGISTERED, subject, Map.of("accountId", subject, "clientIp", "192.0.2.2"));
        byte[] bytes = codec.serialize(event);
        events.publishRaw(subject, bytes);
        events.publishRaw(subject, bytes);
        CloudEvent marker = events.publish(EventTypes.SESSION_LOGIN_SUCCEEDED, subject, Map.of("accountId", subject));

        await("the marker after both copies", TIMEOUT, () -> stored(marker.getId()));
        assertThat(jdbc.sql("select count(*) from audit_logs where event_id = :id").param("id", event.getId()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aConsumerStoppedMidStreamAndReplayedFromEarlierOffsetsLosesAndDuplicatesNothing() throws Exception {
        String subject = "replayed-" + UUID.randomUUID();
        int total = 3_000;
        List<String> ids = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            CloudEvent event = codec.create(EventTypes.SESSION_LOGIN_SUCCEEDED, subject, Map.of("accountId", subject, "n", i));
            ids.add(event.getId());
            sender.send("audit-logs", subject, codec.serialize(event), Map.of());
        }
        sender.flush();
        await("some of the stream consumed", TIMEOUT, () -> rows(subject) > 0);

        MessageListenerContainer container = listeners.getListenerContainer("audit-events");
        container.stop();
        long storedWhenStopped = rows(subject);
        // As if the consumer died before committing: rewind the group's offsets, so everything it had read comes again.
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka()))) {
            Set<TopicPartition> partitions = admin.describeTopics(Set.of("audit-logs")).allTopicNames().get().get("audit-logs").partitions().stream()
                    .map(p -> new TopicPartition("audit-logs", p.partition())).collect(java.util.stream.Collectors.toSet());
            Map<TopicPartition, OffsetAndMetadata> earliest = new java.util.HashMap<>();
            admin.listOffsets(partitions.stream().collect(java.util.stream.Collectors.toMap(p -> p, p -> OffsetSpec.earliest()))).all().get()
                    .forEach((partition, info) -> earliest.put(partition, new OffsetAndMetadata(info.offset())));
            admin.alterConsumerGroupOffsets("fraud-analytics", earliest).all().get();
        }
        container.start();

        await("the whole stream stored", TIMEOUT, () -> rows(subject) == total);
        assertThat(storedWhenStopped).isLessThanOrEqualTo(total);
        assertThat(jdbc.sql("select event_id from audit_logs where subject = :s").param("s", subject).query(String.class).list())
                .hasSize(total).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(chain.verifyAll().intact()).isTrue();
    }

    @Test
    void alteringAStoredRowIsDetectedAtThatRow() {
        String subject = "tampered-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            events.publish(EventTypes.SESSION_LOGIN_SUCCEEDED, subject, Map.of("accountId", subject, "n", i));
        }
        await("three rows", TIMEOUT, () -> rows(subject) == 3);
        assertThat(chain.verifyAll().intact()).isTrue();
        long middle = jdbc.sql("select id from audit_logs where subject = :s order by id offset 1 limit 1").param("s", subject).query(Long.class).single();
        String original = jdbc.sql("select event from audit_logs where id = :id").param("id", middle).query(String.class).single();

        try {
            // The table refuses updates; someone able to bypass triggers is exactly who the chain is for.
            assertThat(tamper(middle, "event", original.replace("\"n\":1", "\"n\":7"))).isEqualTo(1);
            ChainReport report = chain.verifyAll();
            assertThat(report.intact()).isFalse();
            assertThat(report.firstBrokenId()).isEqualTo(middle);
            assertThat(report.problem()).contains("hash does not cover");

            tamper(middle, "event", original);
            assertThat(tamper(middle, "subject", "someone-else")).isEqualTo(1);
            assertThat(chain.verifyAll().firstBrokenId()).isEqualTo(middle);
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            AtomicInteger exitCode = new AtomicInteger(-1);
            new ChainCheckCommand(chain, new PrintStream(printed, true, StandardCharsets.UTF_8), exitCode::set).run(null);
            assertThat(exitCode).as("what platformctl sees").hasValue(1);
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("\"intact\":false", "\"firstBrokenId\":" + middle);
        } finally {
            tamper(middle, "event", original);
            tamper(middle, "subject", subject);
        }
        assertThat(chain.verifyAll().intact()).isTrue();
    }

    @Test
    void theAuditLogRefusesUpdatesAndDeletes() {
        String subject = "append-only-" + UUID.randomUUID();
        events.publish(EventTypes.SESSION_LOGIN_SUCCEEDED, subject, Map.of("accountId", subject));
        await("the row", TIMEOUT, () -> rows(subject) == 1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("delete from audit_logs where subject = :s").param("s", subject).update())
                .hasMessageContaining("append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("update audit_logs set subject = 'x' where subject = :s").param("s", subject).update())
                .hasMessageContaining("append-only");
    }

    private int tamper(long id, String column, String value) {
        return jdbc.sql("""
                do $$ begin
                  set local session_replication_role = replica;
                  update audit_logs set %s = '%s' where id = %d;
                end $$""".formatted(column, value.replace("'", "''"), id)).update() >= 0 ? 1 : 0;
    }

    private long rows(String subject) {
        return jdbc.sql("select count(*) from audit_logs where subject = :s").param("s", subject).query(Long.class).single();
    }

    private boolean stored(String eventId) {
        return jdbc.sql("select count(*) from audit_logs where event_id = :id").param("id", eventId).query(Long.class).single() > 0;
    }

    private static String kafka() {
        return SharedBackingServices.instance().services().kafka().bootstrapServers();
    }
}
