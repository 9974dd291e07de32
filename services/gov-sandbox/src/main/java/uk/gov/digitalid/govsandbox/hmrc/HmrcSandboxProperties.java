package uk.gov.digitalid.govsandbox.hmrc;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The simulated Developer Hub application's credentials and how long its access tokens last. */
@ConfigurationProperties("gov-sandbox.hmrc")
public record HmrcSandboxProperties(String clientId, String clientSecret, Duration tokenLifetime) {
}
