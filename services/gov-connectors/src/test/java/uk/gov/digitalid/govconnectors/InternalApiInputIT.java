package uk.gov.digitalid.govconnectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import uk.gov.digitalid.backing.BackingService;
import uk.gov.digitalid.backing.junit.WithBackingServices;
import uk.gov.digitalid.govconnectors.InternalApiClient.Response;

/**
 * Every internal endpoint refuses bad input with a 4xx problem naming the field, before any upstream
 * is asked (the upstreams here are a closed port: reaching one would answer 502, not 400).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@WithBackingServices(BackingService.REDIS)
@TestPropertySource(properties = {
        "gov-connectors.hmrc.base-url=http://127.0.0.1:1", "gov-connectors.dvla.base-url=http://127.0.0.1:1",
        "gov-connectors.hmrc.client-id=unused", "gov-connectors.hmrc.client-secret=unused",
        "gov-connectors.dvla.api-key=unused", "gov-connectors.dvla.vehicle-enquiry-api-key=unused",
        "gov-connectors.dvla.username=unused", "gov-connectors.dvla.password=unused"})
class InternalApiInputIT {

    private static final String MATCH = "/v1/hmrc/individuals/match";
    private static final String LICENCE = "/v1/dvla/driving-licences/verify";
    private static final String VEHICLE = "/v1/dvla/vehicles";

    @LocalServerPort int port;
    InternalApiClient api;

    @BeforeEach
    void client() {
        api = new InternalApiClient(port);
    }

    static Stream<Arguments> badFields() {
        return Stream.of(
                Arguments.of(MATCH, "{\"nino\":\"QQ123456C\",\"givenName\":\"Ada\",\"familyName\":\"Lovelace\",\"dateOfBirth\":\"1985-12-10\"}", "nino"),
                Arguments.of(MATCH, "{\"nino\":\"AB123456C\",\"givenName\":\"Ada\",\"familyName\":\"Lovelace\",\"dateOfBirth\":\"2999-01-01\"}", "dateOfBirth"),
                Arguments.of(MATCH, "{\"nino\":\"AB123456C\",\"givenName\":\"Ad4\",\"familyName\":\"Lovelace\",\"dateOfBirth\":\"1985-12-10\"}", "givenName"),
                Arguments.of(MATCH, "{\"nino\":\"AB123456C\",\"givenName\":\"Ada\",\"dateOfBirth\":\"1985-12-10\"}", "familyName"),
                Arguments.of(MATCH, "{\"nino\":\"AB123456C\",\"givenName\":\"Ada\",\"familyName\":\"" + "L".repeat(101) + "\",\"dateOfBirth\":\"1985-12-10\"}", "familyName"),
                Arguments.of(MATCH, "{\"nino\":\"AB123456C\",\"givenName\":\"李\",\"familyName\":\"Lovelace\",\"dateOfBirth\":\"1985-12-10\"}", "givenName"),
                Arguments.of(LICENCE, "{\"licenceNumber\":\"LOVEL812105A99A\",\"surname\":\"Lovelace\",\"dateOfBirth\":\"1985-12-10\"}", "licenceNumber"),
                Arguments.of(LICENCE, "{\"licenceNumber\":\"LOVEL812105A99AB\",\"surname\":\"Babbage\",\"dateOfBirth\":\"1985-12-10\"}", "licenceNumber"),
                Arguments.of(LICENCE, "{\"licenceNumber\":\"LOVEL812105A99AB\",\"surname\":\"Lovelace\",\"dateOfBirth\":\"1985-12-11\"}", "licenceNumber"),
                Arguments.of(LICENCE, "{\"licenceNumber\":\"LOVEL812105A99AB\",\"surname\":\"Lovelace\"}", "dateOfBirth"),
                Arguments.of(LICENCE, "{\"licenceNumber\":\"LOVEL812105A99AB\",\"surname\":\"L0velace\",\"dateOfBirth\":\"1985-12-10\"}", "surname"),
                Arguments.of(VEHICLE, "{\"registrationNumber\":\"ABCD1234\"}", "registrationNumber"),
                Arguments.of(VEHICLE, "{\"registrationNumber\":\"\"}", "registrationNumber"),
                Arguments.of(VEHICLE, "{\"registrationNumber\":\"AB12 CDE FGH\"}", "registrationNumber"));
    }

    @ParameterizedTest
    @MethodSource("badFields")
    void aBadFieldIsNamed(String path, String body, String field) {
        Response response = api.post(path, body);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("errors").findValuesAsString("field")).contains(field);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(MATCH, LICENCE, VEHICLE).flatMap(path -> Stream.of(
                Arguments.of(path, "{", "application/json", 400),
                Arguments.of(path, "[]", "application/json", 400),
                Arguments.of(path, "{\"unexpected\":true}", "application/json", 400),
                Arguments.of(path, "{\"dateOfBirth\":12,\"registrationNumber\":[1]}", "application/json", 400),
                Arguments.of(path, "", "application/json", 400),
                Arguments.of(path, "{\"x\":\"" + "a".repeat(1_100_000) + "\"}", "application/json", 413),
                Arguments.of(path, "nino=AB123456C", "application/x-www-form-urlencoded", 415)));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void malformedRequestsGetAProblemNeverA500(String path, String body, String contentType, int status) {
        Response response = api.post(path, body, contentType);
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aValidRequestWithNoReachableUpstreamIsA502ProblemNotA500() {
        Response response = api.post(VEHICLE, "{\"registrationNumber\":\"AA19AAA\"}");
        assertThat(response.status()).isEqualTo(502);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
