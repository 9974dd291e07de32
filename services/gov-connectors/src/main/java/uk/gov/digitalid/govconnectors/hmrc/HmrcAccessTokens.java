package uk.gov.digitalid.govconnectors.hmrc;

import java.time.Clock;
import java.time.Instant;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import uk.gov.digitalid.govconnectors.upstreams.CachedToken;
import uk.gov.digitalid.govconnectors.upstreams.UpstreamCallException;
import uk.gov.digitalid.govconnectors.upstreams.UpstreamResponse;

/**
 * Application-restricted access tokens from HMRC's {@code POST /oauth/token} (OAuth 2.0 client
 * credentials, parameters form-encoded in the body), cached until {@code tokenRefreshMargin} before
 * they expire (HMRC's last 4 hours), so calls never carry a token about to lapse.
 */
public class HmrcAccessTokens extends CachedToken {

    public HmrcAccessTokens(RestClient http, HmrcProperties properties, Clock clock) {
        super(() -> fetch(http, properties, clock), clock);
    }

    private static Token fetch(RestClient http, HmrcProperties properties, Clock clock) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("client_id", properties.clientId());
        form.add("client_secret", properties.clientSecret());
        form.add("grant_type", "client_credentials");
        if (properties.scope() != null && !properties.scope().isBlank()) {
            form.add("scope", properties.scope());
        }
        Instant requested = clock.instant();
        UpstreamResponse response = UpstreamResponse.exchange("HMRC OAuth", http.post().uri("/oauth/token")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.APPLICATION_JSON).body(form));
        if (response.status() != 200 || !response.body().hasNonNull("access_token")) {
            throw UpstreamCallException.forStatus("HMRC OAuth", response.status(), response.errorCode());
        }
        long expiresIn = response.body().path("expires_in").asLong(0);
        return new Token(response.body().get("access_token").asString(),
                requested.plusSeconds(expiresIn).minus(properties.tokenRefreshMargin()));
    }
}
