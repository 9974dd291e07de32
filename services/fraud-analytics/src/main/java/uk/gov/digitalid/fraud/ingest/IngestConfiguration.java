package uk.gov.digitalid.fraud.ingest;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import uk.gov.digitalid.commons.events.Topics;

/**
 * How {@code audit-logs} is consumed: batches of up to 500 records as bytes, offsets committed only
 * after the listener has returned (the batch's rows are committed by then). A poison record goes to
 * {@code audit-logs.dlq} at once, with the reason in the {@code kafka_dlt-exception-*} headers,
 * and the records after it are processed; any other failure (database or Redis down) retries the
 * batch with backoff, indefinitely, rather than dropping good events into the DLQ.
 */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> auditEventsContainerFactory(KafkaProperties kafka, IngestSettings settings) {
        Map<String, Object> consumer = kafka.buildConsumerProperties();
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        var factory = new ConcurrentKafkaListenerContainerFactory<String, byte[]>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(consumer, new StringDeserializer(), new ByteArrayDeserializer()));
        factory.setBatchListener(true);
        factory.setConcurrency(settings.concurrency());
        factory.setAutoStartup(settings.autoStartup());
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);

        Map<String, Object> producer = kafka.buildProducerProperties();
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        KafkaTemplate<String, byte[]> dlq = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer, new StringSerializer(), new ByteArraySerializer()));
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(dlq, (record, e) -> new TopicPartition(Topics.AUDIT_LOGS_DLQ, -1));
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2);
        backOff.setMaxInterval(30_000);
        DefaultErrorHandler errors = new DefaultErrorHandler(recoverer, backOff);
        errors.addNotRetryableExceptions(PoisonEventException.class);
        factory.setCommonErrorHandler(errors);
        return factory;
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> systemMetricsContainerFactory(KafkaProperties kafka) {
        Map<String, Object> consumer = kafka.buildConsumerProperties();
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        var factory = new ConcurrentKafkaListenerContainerFactory<String, byte[]>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(consumer, new StringDeserializer(), new ByteArrayDeserializer()));
        return factory;
    }
}
