package uk.gov.digitalid.govsandbox.dvla;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The simulated DVLA account: API key, Authentication API user, and how long its ID tokens last. */
@ConfigurationProperties("gov-sandbox.dvla")
public record DvlaSandboxProperties(String apiKey, String username, String password, Duration idTokenLifetime) {
}
