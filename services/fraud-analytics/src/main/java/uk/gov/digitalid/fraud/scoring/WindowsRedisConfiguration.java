package uk.gov.digitalid.fraud.scoring;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * The windows pipeline a whole batch of commands: Lettuce then writes them to the socket once, when
 * the pipeline closes, instead of once per command.
 */
@Configuration(proxyBeanMethods = false)
class WindowsRedisConfiguration {

    @Bean
    static BeanPostProcessor pipelineFlushOnClose() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof LettuceConnectionFactory factory) {
                    factory.setPipeliningFlushPolicy(LettuceConnection.PipeliningFlushPolicy.flushOnClose());
                }
                return bean;
            }
        };
    }
}
