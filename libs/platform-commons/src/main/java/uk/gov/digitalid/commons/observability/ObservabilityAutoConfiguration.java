package uk.gov.digitalid.commons.observability;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.context.annotation.Bean;
import uk.gov.digitalid.commons.ServiceIdentity;
import uk.gov.digitalid.commons.events.CloudEventCodec;
import uk.gov.digitalid.commons.events.CloudEventSender;
import uk.gov.digitalid.commons.events.EventsAutoConfiguration;

/** Common metric tags and the periodic {@code system-metrics} event. */
@AutoConfiguration(after = {MetricsAutoConfiguration.class, HealthEndpointAutoConfiguration.class, EventsAutoConfiguration.class})
public class ObservabilityAutoConfiguration {

    /** Every meter carries {@code service} and {@code env}, so dashboards and alerts can slice by them. */
    @Bean
    MeterRegistryCustomizer<MeterRegistry> commonMetricTags(ServiceIdentity identity) {
        return registry -> registry.config().commonTags("service", identity.service(), "env", identity.env());
    }

    @Bean
    @ConditionalOnBean({CloudEventSender.class, MeterRegistry.class})
    @ConditionalOnBooleanProperty(name = "digitalid.system-metrics.enabled", matchIfMissing = true)
    SystemMetricsReporter systemMetricsReporter(CloudEventSender sender, CloudEventCodec codec, MeterRegistry registry,
                                                ObjectProvider<HealthEndpoint> health, ServiceIdentity identity,
                                                @Value("${digitalid.system-metrics.interval:30s}") Duration interval,
                                                ObjectProvider<Clock> clock) {
        return new SystemMetricsReporter(sender, codec, registry, () -> {
            HealthEndpoint endpoint = health.getIfAvailable();
            return endpoint == null ? "UNKNOWN" : endpoint.health().getStatus().getCode();
        }, identity, interval, clock.getIfAvailable(Clock::systemUTC));
    }
}
