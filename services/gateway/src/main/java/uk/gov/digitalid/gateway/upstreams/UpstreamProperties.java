package uk.gov.digitalid.gateway.upstreams;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where the internal services are, and how long to wait for them (no retries: the calls are POSTs). */
@ConfigurationProperties("gateway.upstreams")
public record UpstreamProperties(URI govConnectorsUrl, URI identityCoreUrl, URI fraudAnalyticsUrl, Duration connectTimeout, Duration readTimeout) {
}
