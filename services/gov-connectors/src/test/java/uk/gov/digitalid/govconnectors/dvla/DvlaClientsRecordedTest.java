package uk.gov.digitalid.govconnectors.dvla;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
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
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.web.client.RestClient;
import uk.gov.digitalid.govconnectors.RecordedUpstream;
import uk.gov.digitalid.govconnectors.dvla.DriverDataClient.DriverRecord;
import uk.gov.digitalid.govconnectors.upstreams.UpstreamCallException;

/** The DVLA clients against DVLA's documented responses, every documented status included. */
class DvlaClientsRecordedTest {

    private static final String DRIVERS = "/full-driver-enquiry/v1/driving-licences/retrieve";
    private static final String VEHICLES = "/vehicle-enquiry/v1/vehicles";
    private static final String AUTHENTICATE = "/thirdparty-access/v1/authenticate";

    private WireMockServer dvla;
    private DriverDataClient drivers;
    private VehicleEnquiryClient vehicles;
    private String idToken;

    @BeforeEach
    void start() {
        dvla = RecordedUpstream.start();
        DvlaProperties properties = new DvlaProperties(dvla.baseUrl(), "driver-api-key", "sallydev01", "ALongExamplePassword+", "ves-api-key",
                Duration.ofMinutes(5));
        RestClient http = RecordedUpstream.client(dvla.baseUrl());
        drivers = new DriverDataClient(http, new DvlaIdTokens(http, properties, Clock.systemUTC()), properties.apiKey());
        vehicles = new VehicleEnquiryClient(http, properties.vehicleEnquiryApiKey());
        dvla.stubFor(post(urlEqualTo(AUTHENTICATE)).willReturn(json(200, "dvla/authenticate-200.json")));
        idToken = RecordedUpstream.example("dvla/authenticate-200.json").replaceAll("(?s).*\"id-token\": \"([^\"]+)\".*", "$1");
    }

    @AfterEach
    void stop() {
        dvla.stop();
    }

    @Test
    void aDriverRecordIsRetrievedWithApiKeyAndIdToken() {
        dvla.stubFor(post(urlEqualTo(DRIVERS)).willReturn(json(200, "dvla/driver-200.json")));

        assertThat(drivers.retrieve("TCAEU610267NO9EK")).contains(new DriverRecord("TCAEUCJ", LocalDate.of(1967, 10, 26), "Valid", null));

        dvla.verify(postRequestedFor(urlEqualTo(AUTHENTICATE))
                .withRequestBody(equalToJson("{\"userName\":\"sallydev01\",\"password\":\"ALongExamplePassword+\"}")));
        dvla.verify(postRequestedFor(urlEqualTo(DRIVERS))
                .withHeader("X-API-Key", equalTo("driver-api-key"))
                .withHeader("Authorization", equalTo(idToken))
                .withRequestBody(equalToJson("{\"drivingLicenceNumber\":\"TCAEU610267NO9EK\",\"includeCPC\":false,\"includeTacho\":false,\"acceptPartialResponse\":\"false\"}")));
    }

    @Test
    void aDisqualifiedLicenceCarriesItsStatus() {
        dvla.stubFor(post(urlEqualTo(DRIVERS)).willReturn(json(200, "dvla/driver-200-disqualified.json")));
        assertThat(drivers.retrieve("LQZVJ603206B99ZY")).contains(new DriverRecord("LQZVJMTJ", LocalDate.of(1966, 3, 20), "Disqualified", "For life"));
    }

    @Test
    void anUnknownLicenceIsEmpty() {
        dvla.stubFor(post(urlEqualTo(DRIVERS)).willReturn(json(404, "dvla/driver-404.json")));
        assertThat(drivers.retrieve("SMITH812105A99AB")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"400, false", "403, false", "429, true", "500, true", "503, true"})
    void otherDriverAnswersAreFailuresTransientOrNot(int status, boolean transientFailure) {
        dvla.stubFor(post(urlEqualTo(DRIVERS)).willReturn(json(status, "dvla/driver-" + status + ".json")));
        assertThatThrownBy(() -> drivers.retrieve("TCAEU610267NO9EK")).isInstanceOfSatisfying(UpstreamCallException.class,
                e -> assertThat(e.isTransient()).isEqualTo(transientFailure));
    }

    @Test
    void anExpiredIdTokenIsReplacedOnce() {
        dvla.stubFor(post(urlEqualTo(DRIVERS)).inScenario("token").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(401, "dvla/driver-401.json")).willSetStateTo("renewed"));
        dvla.stubFor(post(urlEqualTo(DRIVERS)).inScenario("token").whenScenarioStateIs("renewed")
                .willReturn(json(200, "dvla/driver-200.json")));

        assertThat(drivers.retrieve("TCAEU610267NO9EK")).isPresent();
        dvla.verify(2, postRequestedFor(urlEqualTo(AUTHENTICATE)));
    }

    @Test
    void refusedAuthenticationIsPermanent() {
        dvla.stubFor(post(urlEqualTo(AUTHENTICATE)).willReturn(json(401, "dvla/authenticate-401.json")));
        assertThatThrownBy(() -> drivers.retrieve("TCAEU610267NO9EK")).isInstanceOfSatisfying(UpstreamCallException.class,
                e -> assertThat(e.isTransient()).isFalse());
    }

    @Test
    void aVehicleIsLookedUpWithItsOwnKey() {
        dvla.stubFor(post(urlEqualTo(VEHICLES)).willReturn(json(200, "dvla/vehicle-200.json")));

        var vehicle = vehicles.vehicle("AA19AAA").orElseThrow();
        assertThat(VehicleLookups.VehicleDetails.of(vehicle)).satisfies(details -> {
            assertThat(details.make()).isEqualTo("FORD");
            assertThat(details.engineCapacity()).isEqualTo(2000);
            assertThat(details.markedForExport()).isFalse();
            assertThat(details.motExpiryDate()).isNull();
        });
        dvla.verify(postRequestedFor(urlEqualTo(VEHICLES)).withHeader("x-api-key", equalTo("ves-api-key"))
                .withRequestBody(equalToJson("{\"registrationNumber\":\"AA19AAA\"}")));
    }

    @Test
    void anUnknownVehicleIsEmpty() {
        dvla.stubFor(post(urlEqualTo(VEHICLES)).willReturn(json(404, "dvla/vehicle-404.json")));
        assertThat(vehicles.vehicle("ER19NFD")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"400, false", "429, true", "500, true", "503, true"})
    void otherVehicleAnswersAreFailuresTransientOrNot(int status, boolean transientFailure) {
        dvla.stubFor(post(urlEqualTo(VEHICLES)).willReturn(json(status, "dvla/vehicle-" + status + ".json")));
        assertThatThrownBy(() -> vehicles.vehicle("ER19ERR")).isInstanceOfSatisfying(UpstreamCallException.class,
                e -> assertThat(e.isTransient()).isEqualTo(transientFailure));
    }

    private static ResponseDefinitionBuilder json(int status, String example) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(RecordedUpstream.example(example));
    }
}
