package uk.gov.digitalid.commons.sync;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import tools.jackson.databind.json.JsonMapper;
import uk.gov.digitalid.commons.ServiceIdentity;
import uk.gov.digitalid.commons.events.EventsAutoConfiguration;

/** Publisher and listener for the cross-service Redis channel {@code digital-id.sync}. */
@AutoConfiguration(after = {DataRedisAutoConfiguration.class, EventsAutoConfiguration.class})
@ConditionalOnBean({RedisConnectionFactory.class, StringRedisTemplate.class})
@ConditionalOnBooleanProperty(name = "digitalid.sync.enabled", matchIfMissing = true)
public class SyncAutoConfiguration {

    @Bean
    SyncPublisher syncPublisher(StringRedisTemplate redis, JsonMapper json, ServiceIdentity identity, ObjectProvider<Clock> clock) {
        return new SyncPublisher(redis, json, identity, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    RedisMessageListenerContainer syncListenerContainer(RedisConnectionFactory connections, JsonMapper json,
                                                        ApplicationEventPublisher events) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connections);
        container.addMessageListener(new SyncMessageListener(json, events), new ChannelTopic(SyncMessage.CHANNEL));
        container.setAutoStartup(false);
        return container;
    }

    @Bean
    SyncListenerStarter syncListenerStarter(RedisMessageListenerContainer syncListenerContainer) {
        return new SyncListenerStarter(syncListenerContainer);
    }
}
