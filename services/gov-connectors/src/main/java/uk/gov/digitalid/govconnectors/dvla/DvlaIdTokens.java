package uk.gov.digitalid.govconnectors.dvla;

import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import uk.gov.digitalid.govconnectors.upstreams.CachedToken;
import uk.gov.digitalid.govconnectors.upstreams.UpstreamCallException;
import uk.gov.digitalid.govconnectors.upstreams.UpstreamResponse;

/**
 * ID tokens from DVLA's Authentication API ({@code POST /thirdparty-access/v1/authenticate}
 * {@code {userName, password}} → {@code {"id-token"}}), cached until shortly before the expiry the
 * token itself carries ({@code exp}; an hour assumed when it carries none).
 */
public class DvlaIdTokens extends CachedToken {

    private static final Duration ASSUMED_LIFETIME = Duration.ofHours(1);

    public DvlaIdTokens(RestClient http, DvlaProperties properties, Clock clock) {
        super(() -> fetch(http, properties, clock), clock);
    }

    private static Token fetch(RestClient http, DvlaProperties properties, Clock clock) {
        Instant requested = clock.instant();
        UpstreamResponse response = UpstreamResponse.exchange("DVLA authentication", http.post().uri("/thirdparty-access/v1/authenticate")
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                .body(Map.of("userName", properties.username(), "password", properties.password())));
        if (response.status() != 200 || !response.body().hasNonNull("id-token")) {
            throw UpstreamCallException.forStatus("DVLA authentication", response.status(), response.errorCode());
        }
        String value = response.body().get("id-token").asString();
        Instant expiry = requested.plus(ASSUMED_LIFETIME);
        try {
            Date exp = JWTParser.parse(value).getJWTClaimsSet().getExpirationTime();
            if (exp != null) {
                expiry = exp.toInstant();
            }
        } catch (ParseException e) {
            // Not a JWT we can read: keep the documented lifetime.
        }
        return new Token(value, expiry.minus(properties.idTokenRefreshMargin()));
    }
}
