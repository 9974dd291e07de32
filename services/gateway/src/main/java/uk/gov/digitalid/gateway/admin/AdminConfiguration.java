package uk.gov.digitalid.gateway.admin;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;
import uk.gov.digitalid.gateway.accounts.PasswordHasher;
import uk.gov.digitalid.gateway.sessions.SessionStore;

/** Operators, their sessions, the admin role check on {@code /api/v1/admin/**}, and the bootstrap command. */
@Configuration(proxyBeanMethods = false)
class AdminConfiguration {

    @Bean
    Operators operators(JdbcClient jdbc, PasswordHasher hasher, Clock clock) {
        return new Operators(jdbc, hasher, clock);
    }

    @Bean
    OperatorSessions operatorSessions(StringRedisTemplate redis, JsonMapper json, OperatorProperties properties, Clock clock) {
        return new OperatorSessions(redis, json, properties, clock);
    }

    @Bean
    WebMvcConfigurer adminAuthentication(OperatorSessions operators, SessionStore citizens) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new AdminAuthentication(operators, citizens)).addPathPatterns("/api/v1/admin/**");
            }
        };
    }

    @Bean
    @ConditionalOnProperty("gateway.create-operator")
    OperatorCommand operatorCommand(Operators operators, @Value("${gateway.create-operator}") String email, ConfigurableApplicationContext context) {
        return new OperatorCommand(operators, email, () -> System.exit(SpringApplication.exit(context)));
    }
}
