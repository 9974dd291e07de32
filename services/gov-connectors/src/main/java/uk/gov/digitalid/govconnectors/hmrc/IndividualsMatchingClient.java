package uk.gov.digitalid.govconnectors.hmrc;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import uk.gov.digitalid.govconnectors.upstreams.UpstreamCallException;
import uk.gov.digitalid.govconnectors.upstreams.UpstreamResponse;

/**
 * HMRC Individuals Matching API 2.0 ({@code POST /individuals/matching/}, {@code Accept:
 * application/vnd.hmrc.2.0+json}, application-restricted bearer token, {@code CorrelationId} UUID):
 * 200 with a link to the match is a match, 404 {@code MATCHING_FAILED} is a definite no; everything
 * else is an {@link UpstreamCallException}. A 401 means HMRC refused the token before doing anything,
 * so the request is sent once more with a fresh token; nothing else is repeated here.
 */
public class IndividualsMatchingClient {

    public static final MediaType HMRC_V2 = MediaType.parseMediaType("application/vnd.hmrc.2.0+json");

    public record Individual(String firstName, String lastName, String nino, LocalDate dateOfBirth) {
    }

    private final RestClient http;
    private final HmrcAccessTokens tokens;

    public IndividualsMatchingClient(RestClient http, HmrcAccessTokens tokens) {
        this.http = http;
        this.tokens = tokens;
    }

    /** @return whether HMRC matched the individual */
    public boolean matches(Individual individual) {
        String token = tokens.current();
        UpstreamResponse response = send(individual, token);
        if (response.status() == 401) {
            tokens.invalidate(token);
            response = send(individual, tokens.current());
        }
        if (response.status() == 200 && response.body().path("_links").path("individual").hasNonNull("href")) {
            return true;
        }
        if (response.status() == 404 && "MATCHING_FAILED".equals(response.errorCode())) {
            return false;
        }
        throw UpstreamCallException.forStatus("HMRC individuals matching", response.status(), response.errorCode());
    }

    private UpstreamResponse send(Individual individual, String token) {
        return UpstreamResponse.exchange("HMRC individuals matching", http.post().uri("/individuals/matching/")
                .accept(HMRC_V2).contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + token)
                .header("CorrelationId", UUID.randomUUID().toString())
                .body(individual));
    }
}
