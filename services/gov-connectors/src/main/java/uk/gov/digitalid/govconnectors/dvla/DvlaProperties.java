package uk.gov.digitalid.govconnectors.dvla;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * DVLA access: the API base URL, the API key ({@code DVLA_API_KEY}), the Authentication API user
 * ({@code DVLA_USERNAME}, {@code DVLA_PASSWORD}) whose ID token the driver data API also needs, the
 * Vehicle Enquiry Service key (its own key; defaults to the API key), and how long before expiry a
 * cached ID token is replaced.
 */
@Validated
@ConfigurationProperties("gov-connectors.dvla")
public record DvlaProperties(@NotBlank String baseUrl, @NotBlank String apiKey, @NotBlank String username, @NotBlank String password,
                             @NotBlank String vehicleEnquiryApiKey, @NotNull Duration idTokenRefreshMargin) {

    @Override
    public String toString() {
        return "DvlaProperties[baseUrl=" + baseUrl + ", username=" + username + ", apiKey=****, password=****, vehicleEnquiryApiKey=****]";
    }
}
