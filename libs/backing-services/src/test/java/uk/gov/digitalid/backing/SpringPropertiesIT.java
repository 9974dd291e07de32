package uk.gov.digitalid.backing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;
import uk.gov.digitalid.backing.junit.WithBackingServices;

@SpringJUnitConfig(SpringPropertiesIT.Empty.class)
@WithBackingServices
class SpringPropertiesIT {

    @Configuration
    static class Empty {
    }

    @Autowired
    Environment environment;

    @Test
    void springPropertiesPointAtTheSharedServers(BackingServices services) throws Exception {
        for (BackingService service : BackingService.values()) {
            SharedServersProbe.assertShared(services, service);
        }
        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo(services.postgres().jdbcUrl());
        assertThat(environment.getProperty("spring.data.redis.url")).isEqualTo(services.redis().url());
        assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo(services.kafka().bootstrapServers());
        try (var c = DriverManager.getConnection(environment.getProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username"), environment.getProperty("spring.datasource.password"))) {
            assertThat(c.isValid(2)).isTrue();
        }
    }
}
