package uk.gov.digitalid.govconnectors.hmrc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.web.client.RestClient;
import uk.gov.digitalid.govconnectors.RecordedUpstream;
import uk.gov.digitalid.govconnectors.hmrc.IndividualsMatchingClient.Individual;
import uk.gov.digitalid.govconnectors.upstreams.UpstreamCallException;

/** The HMRC clients against HMRC's documented responses, every documented status included. */
class HmrcClientsRecordedTest {

    private static final Individual AMANDA = new Individual("Amanda", "Joseph", "NA000799C", LocalDate.of(1960, 1, 15));
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private WireMockServer hmrc;
    private MutableClock clock;
    private IndividualsMatchingClient client;

    @BeforeEach
    void start() {
        hmrc = RecordedUpstream.start();
        clock = new MutableClock(Instant.parse("2026-11-26T09:00:00Z"));
        HmrcProperties properties = new HmrcProperties(hmrc.baseUrl(), "client-id", "client-secret", "read:individuals-matching", Duration.ofMinutes(5));
        RestClient http = RecordedUpstream.client(hmrc.baseUrl());
        client = new IndividualsMatchingClient(http, new HmrcAccessTokens(http, properties, clock));
        hmrc.stubFor(post(urlEqualTo("/oauth/token")).willReturn(json(200, "hmrc/token-200.json")));
    }

    @AfterEach
    void stop() {
        hmrc.stop();
    }

    @Test
    void aMatchSendsTheDocumentedRequest() {
        hmrc.stubFor(post(urlEqualTo("/individuals/matching/")).willReturn(json(200, "hmrc/match-200.json")));

        assertThat(client.matches(AMANDA)).isTrue();

        hmrc.verify(postRequestedFor(urlEqualTo("/oauth/token"))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withRequestBody(containing("grant_type=client_credentials"))
                .withRequestBody(containing("client_id=client-id"))
                .withRequestBody(containing("client_secret=client-secret"))
                .withRequestBody(containing("scope=read%3Aindividuals-matching")));
        hmrc.verify(postRequestedFor(urlEqualTo("/individuals/matching/"))
                .withHeader("Accept", equalTo("application/vnd.hmrc.2.0+json"))
                .withHeader("Authorization", equalTo("Bearer QGbWG8KckncuwwD4uYXgWxF4HQvuPmrmUqKgkpQP"))
                .withHeader("CorrelationId", matching(UUID_PATTERN))
                .withRequestBody(equalToJson("{\"firstName\":\"Amanda\",\"lastName\":\"Joseph\",\"nino\":\"NA000799C\",\"dateOfBirth\":\"1960-01-15\"}")));
    }

    @Test
    void matchingFailedIsADefiniteNo() {
        hmrc.stubFor(post(urlEqualTo("/individuals/matching/")).willReturn(json(404, "hmrc/match-404.json")));
        assertThat(client.matches(AMANDA)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"400, false", "403, false", "406, false", "429, true", "500, true", "503, true"})
    void otherAnswersAreFailuresTransientOrNot(int status, boolean transientFailure) {
        hmrc.stubFor(post(urlEqualTo("/individuals/matching/")).willReturn(json(status, "hmrc/match-" + status + ".json")));
        assertThatThrownBy(() -> client.matches(AMANDA)).isInstanceOfSatisfying(UpstreamCallException.class,
                e -> assertThat(e.isTransient()).isEqualTo(transientFailure));
        hmrc.verify(1, postRequestedFor(urlEqualTo("/individuals/matching/")));
    }

    @Test
    void aRefusedTokenIsReplacedAndTheRequestSentOnceMore() {
        hmrc.stubFor(post(urlEqualTo("/individuals/matching/")).inScenario("token").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(401, "hmrc/match-401.json")).willSetStateTo("refreshed"));
        hmrc.stubFor(post(urlEqualTo("/individuals/matching/")).inScenario("token").whenScenarioStateIs("refreshed")
                .willReturn(json(200, "hmrc/match-200.json")));

        assertThat(client.matches(AMANDA)).isTrue();
        hmrc.verify(2, postRequestedFor(urlEqualTo("/oauth/token")));
        hmrc.verify(2, postRequestedFor(urlEqualTo("/individuals/matching/")));
    }

    @Test
    void aTokenStillRefusedAfterRenewalIsAPermanentFailure() {
        hmrc.stubFor(post(urlEqualTo("/individuals/matching/")).willReturn(json(401, "hmrc/match-401.json")));
        assertThatThrownBy(() -> client.matches(AMANDA)).isInstanceOfSatisfying(UpstreamCallException.class,
                e -> assertThat(e.isTransient()).isFalse());
        hmrc.verify(2, postRequestedFor(urlEqualTo("/individuals/matching/")));
    }

    @Test
    void theTokenIsCachedUntilFiveMinutesBeforeItsFourHoursAreUp() {
        hmrc.stubFor(post(urlEqualTo("/individuals/matching/")).willReturn(json(200, "hmrc/match-200.json")));
        client.matches(AMANDA);
        clock.advance(Duration.ofHours(3).plusMinutes(54));
        client.matches(AMANDA);
        hmrc.verify(1, postRequestedFor(urlEqualTo("/oauth/token")));

        clock.advance(Duration.ofMinutes(1));
        client.matches(AMANDA);
        hmrc.verify(2, postRequestedFor(urlEqualTo("/oauth/token")));
    }

    @Test
    void refusedClientCredentialsArePermanent() {
        hmrc.stubFor(post(urlEqualTo("/oauth/token")).willReturn(json(400, "hmrc/token-400.json")));
        assertThatThrownBy(() -> client.matches(AMANDA)).isInstanceOfSatisfying(UpstreamCallException.class,
                e -> assertThat(e.isTransient()).isFalse());
    }

    private static ResponseDefinitionBuilder json(int status, String example) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(RecordedUpstream.example(example));
    }

    static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
