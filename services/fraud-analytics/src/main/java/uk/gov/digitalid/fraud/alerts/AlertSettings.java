package uk.gov.digitalid.fraud.alerts;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code fraud.alerts.threshold}: a score that raises an alert; {@code critical}: one that also locks the account. */
@ConfigurationProperties("fraud.alerts")
public record AlertSettings(double threshold, double critical) {
}
