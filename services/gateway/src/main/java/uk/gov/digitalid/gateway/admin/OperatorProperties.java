package uk.gov.digitalid.gateway.admin;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code gateway.operators.*}: operator session timeouts and the sign-in limit per client address. */
@ConfigurationProperties("gateway.operators")
public record OperatorProperties(Duration idleTimeout, Duration absoluteTimeout, long signInsPerIp) {
}
