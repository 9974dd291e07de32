package uk.gov.digitalid.govconnectors.cache;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long positive answers stay in Redis, and the secret the cache keys are HMACs with
 * ({@code GOV_CONNECTORS_CACHE_KEY}; every instance needs the same one to share the cache).
 */
@ConfigurationProperties("gov-connectors.cache")
public record CacheProperties(Duration ttl, String keySecret) {

    @Override
    public String toString() {
        return "CacheProperties[ttl=" + ttl + ", keySecret=****]";
    }
}
