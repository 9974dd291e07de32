package uk.gov.digitalid.commons.testapp;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A non-web service instance with only Redis and Kafka, started several times in one JVM to act
 * as separate instances of a service.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class LightNode {

    public static ConfigurableApplicationContext start(Map<String, String> properties, Class<?>... components) {
        Map<String, Object> all = new LinkedHashMap<>(properties);
        all.put("spring.autoconfigure.exclude", String.join(",",
                "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"));
        all.putIfAbsent("digitalid.system-metrics.enabled", "false");
        all.put("management.server.port", "-1");
        Class<?>[] sources = new Class<?>[components.length + 1];
        sources[0] = LightNode.class;
        System.arraycopy(components, 0, sources, 1, components.length);
        // As command-line arguments, so they win over the test application.properties.
        String[] args = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(sources).web(WebApplicationType.NONE).run(args);
    }
}
