package uk.gov.digitalid.fraud.systemmetrics;

import io.cloudevents.CloudEvent;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import uk.gov.digitalid.commons.events.CloudEventCodec;
import uk.gov.digitalid.commons.events.Topics;

/** Keeps the latest {@code system-metrics} snapshot of each service instance (older or unreadable ones are ignored). */
@Component
class SystemMetricsListener {

    private static final Logger log = LoggerFactory.getLogger(SystemMetricsListener.class);

    private final CloudEventCodec codec;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    SystemMetricsListener(CloudEventCodec codec, JdbcClient jdbc, JsonMapper json) {
        this.codec = codec;
        this.jdbc = jdbc;
        this.json = json;
    }

    @KafkaListener(id = "system-metrics", topics = Topics.SYSTEM_METRICS, groupId = "fraud-analytics-system-metrics",
            containerFactory = "systemMetricsContainerFactory")
    void on(ConsumerRecord<String, byte[]> record) {
        CloudEvent event;
        Map<?, ?> snapshot;
        try {
            event = codec.deserialize(record.value());
            snapshot = codec.data(event, Map.class);
        } catch (RuntimeException e) {
            log.warn("Ignoring an unreadable system-metrics record at offset {}: {}", record.offset(), e.toString());
            return;
        }
        if (!(snapshot.get("service") instanceof String service) || !(snapshot.get("instance") instanceof String instance) || event.getTime() == null) {
            return;
        }
        jdbc.sql("""
                        insert into service_snapshots (service, instance, reported_at, snapshot)
                        values (:service, :instance, :at, cast(:snapshot as jsonb))
                        on conflict (service, instance) do update set reported_at = excluded.reported_at, snapshot = excluded.snapshot
                        where service_snapshots.reported_at < excluded.reported_at""")
                .param("service", service).param("instance", instance)
                .param("at", event.getTime().withOffsetSameInstant(ZoneOffset.UTC))
                .param("snapshot", json.writeValueAsString(snapshot))
                .update();
    }
}
