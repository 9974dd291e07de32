package uk.gov.digitalid.portal;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code portal.*}: where the gateway is, how long to wait for it, and the session cookie's name. */
@ConfigurationProperties("portal")
public record PortalProperties(URI gatewayUrl, Duration connectTimeout, Duration readTimeout, String sessionCookie) {
}
