package uk.gov.digitalid.gateway.sessions;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param idleTimeout     a session unused this long ends
 * @param absoluteTimeout a session ends this long after sign-in however much it is used
 */
@ConfigurationProperties("gateway.sessions")
public record SessionProperties(Duration idleTimeout, Duration absoluteTimeout) {

    public SessionProperties {
        idleTimeout = idleTimeout == null ? Duration.ofMinutes(30) : idleTimeout;
        absoluteTimeout = absoluteTimeout == null ? Duration.ofHours(12) : absoluteTimeout;
    }
}
