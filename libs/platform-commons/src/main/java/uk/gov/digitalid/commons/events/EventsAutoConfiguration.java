package uk.gov.digitalid.commons.events;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;
import uk.gov.digitalid.commons.ServiceIdentity;

/** The service's identity, its CloudEvents codec and the Kafka sender for events. */
@AutoConfiguration(after = {JacksonAutoConfiguration.class, KafkaAutoConfiguration.class})
public class EventsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ServiceIdentity serviceIdentity(Environment environment) {
        return ServiceIdentity.from(environment);
    }

    @Bean
    @ConditionalOnMissingBean
    CloudEventCodec cloudEventCodec(ServiceIdentity identity, JsonMapper json, ObjectProvider<Clock> clock) {
        return new CloudEventCodec(identity.service(), json, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnMissingBean
    CloudEventSender cloudEventSender(KafkaProperties kafka, CloudEventCodec codec) {
        return new CloudEventSender(kafka.buildProducerProperties(), codec);
    }
}
