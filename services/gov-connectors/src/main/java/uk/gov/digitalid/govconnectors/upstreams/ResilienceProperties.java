package uk.gov.digitalid.govconnectors.upstreams;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code gov-connectors.resilience.upstreams.<name>.*}: one {@link ResilienceSettings} per upstream. */
@ConfigurationProperties("gov-connectors.resilience")
public record ResilienceProperties(Map<String, ResilienceSettings> upstreams) {

    public ResilienceSettings of(String upstream) {
        ResilienceSettings settings = upstreams == null ? null : upstreams.get(upstream);
        if (settings == null) {
            throw new IllegalStateException("gov-connectors.resilience.upstreams." + upstream + " is not configured");
        }
        return settings;
    }
}
