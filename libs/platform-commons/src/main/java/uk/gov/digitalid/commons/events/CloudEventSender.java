package uk.gov.digitalid.commons.events;

import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Sends structured CloudEvents to Kafka through its own idempotent producer ({@code acks=all}),
 * so per-partition order holds across retries. It is deliberately not a {@code KafkaTemplate}
 * bean: the application keeps Spring Boot's own template for whatever else it sends.
 */
public class CloudEventSender implements DisposableBean {

    private final DefaultKafkaProducerFactory<String, byte[]> producerFactory;
    private final KafkaTemplate<String, byte[]> template;
    private final CloudEventCodec codec;

    public CloudEventSender(Map<String, Object> producerProperties, CloudEventCodec codec) {
        Map<String, Object> properties = new HashMap<>(producerProperties);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        this.producerFactory = new DefaultKafkaProducerFactory<>(properties);
        this.template = new KafkaTemplate<>(producerFactory);
        this.codec = codec;
    }

    public CompletableFuture<SendResult<String, byte[]>> send(String topic, String key, CloudEvent event) {
        return send(topic, key, codec.serialize(event), Map.of());
    }

    /** Sends an already serialized event, with extra headers such as the W3C trace context. */
    public CompletableFuture<SendResult<String, byte[]>> send(String topic, String key, byte[] event, Map<String, String> headers) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, event);
        record.headers().add("content-type", CloudEventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return template.send(record);
    }

    public void flush() {
        template.flush();
    }

    @Override
    public void destroy() {
        producerFactory.destroy();
    }
}
