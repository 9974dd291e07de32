package uk.gov.digitalid.commons.observability;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults every service shares, at the lowest precedence so a service or its deployment can
 * override any of them: actuator on management port 8081 with probes and Prometheus, trace
 * context through Kafka headers, OTLP export only when an endpoint is configured, no error
 * internals in responses, and ECS JSON logs when the {@code container} profile is active.
 */
public class PlatformDefaults implements EnvironmentPostProcessor, Ordered {

    public static final String PROPERTY_SOURCE = "digitalIdPlatformDefaults";
    public static final String CONTAINER_PROFILE = "container";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("management.server.port", "8081");
        // Behind the ingress: the client address comes from X-Forwarded-For set by a trusted (internal) proxy.
        defaults.put("server.forward-headers-strategy", "native");
        defaults.put("management.endpoints.web.exposure.include", "health,prometheus,info");
        defaults.put("management.endpoint.health.probes.enabled", "true");
        defaults.put("management.endpoint.health.show-details", "never");
        // Traces leave the process only when management.opentelemetry.tracing.export.otlp.endpoint is set;
        // OTLP metrics would otherwise be pushed to localhost:4318 every minute.
        defaults.put("management.otlp.metrics.export.enabled", "false");
        defaults.put("spring.kafka.template.observation-enabled", "true");
        defaults.put("spring.kafka.listener.observation-enabled", "true");
        defaults.put("server.error.include-stacktrace", "never");
        defaults.put("server.error.include-message", "never");
        defaults.put("server.error.include-binding-errors", "never");
        defaults.put("server.error.include-exception", "false");
        defaults.put("spring.jackson.deserialization.fail-on-null-for-primitives", "true");
        // Input is validated at every edge: a field the API does not know is an error, not ignored.
        defaults.put("spring.jackson.deserialization.fail-on-unknown-properties", "true");
        if (environment.matchesProfiles(CONTAINER_PROFILE)) {
            defaults.put("logging.structured.format.console", "ecs");
            defaults.put("logging.structured.ecs.service.name", "${spring.application.name:}");
            defaults.put("logging.structured.ecs.service.environment", "${digitalid.env:}");
        }
        environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, defaults));
    }

    /** After config data, so profiles activated there (e.g. by SPRING_PROFILES_ACTIVE) are known. */
    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }
}
