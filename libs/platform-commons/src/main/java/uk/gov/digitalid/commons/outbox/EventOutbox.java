package uk.gov.digitalid.commons.outbox;

import io.cloudevents.CloudEvent;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;
import uk.gov.digitalid.commons.events.CloudEventCodec;

/**
 * Records an event in the outbox table inside the caller's transaction: it is published if and
 * only if that transaction commits. Calling it outside a transaction is a bug and fails.
 */
public class EventOutbox {

    private final JdbcClient jdbc;
    private final CloudEventCodec codec;
    private final TraceContextCapture traceContext;
    private final JsonMapper json;

    public EventOutbox(JdbcClient jdbc, CloudEventCodec codec, TraceContextCapture traceContext, JsonMapper json) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.traceContext = traceContext;
        this.json = json;
    }

    /**
     * @param topic the Kafka topic
     * @param key   the record key; events with the same key are delivered in the order appended
     */
    public void append(String topic, String key, CloudEvent event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException("EventOutbox.append needs the transaction of the change it announces");
        }
        Map<String, String> headers = traceContext.current();
        jdbc.sql("""
                        insert into outbox_events (event_id, topic, event_key, event_type, payload, headers)
                        values (:eventId, :topic, :key, :type, :payload, cast(:headers as jsonb))""")
                .param("eventId", event.getId())
                .param("topic", topic)
                .param("key", key)
                .param("type", event.getType())
                .param("payload", codec.serialize(event))
                .param("headers", json.writeValueAsString(headers))
                .update();
    }
}
