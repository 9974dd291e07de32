package uk.gov.digitalid.govconnectors.hmrc;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The HMRC Developer Hub application: API base URL, client id and secret (the secret from the
 * environment, {@code HMRC_API_KEY}), the scope to ask for, and how long before expiry a cached
 * access token is replaced.
 */
@Validated
@ConfigurationProperties("gov-connectors.hmrc")
public record HmrcProperties(@NotBlank String baseUrl, @NotBlank String clientId, @NotBlank String clientSecret, String scope,
                             @NotNull Duration tokenRefreshMargin) {

    @Override
    public String toString() {
        return "HmrcProperties[baseUrl=" + baseUrl + ", clientId=" + clientId + ", clientSecret=****, scope=" + scope + "]";
    }
}
