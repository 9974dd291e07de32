package uk.gov.digitalid.govconnectors.dvla;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import uk.gov.digitalid.govconnectors.upstreams.UpstreamCallException;
import uk.gov.digitalid.govconnectors.upstreams.UpstreamResponse;

/**
 * DVLA Access to Driver Data ({@code POST /full-driver-enquiry/v1/driving-licences/retrieve}, the
 * licence number in the body, {@code X-API-Key} and the Authentication API's ID token in
 * {@code Authorization}). A read, despite the POST (DVLA keeps licence numbers out of URLs), so the
 * caller may retry it. 404 means no such licence; a 401 is answered by re-authenticating once.
 */
public class DriverDataClient {

    public record DriverRecord(String lastName, LocalDate dateOfBirth, String licenceStatus, String statusQualifier) {
    }

    private final RestClient http;
    private final DvlaIdTokens tokens;
    private final String apiKey;

    public DriverDataClient(RestClient http, DvlaIdTokens tokens, String apiKey) {
        this.http = http;
        this.tokens = tokens;
        this.apiKey = apiKey;
    }

    public Optional<DriverRecord> retrieve(String licenceNumber) {
        String token = tokens.current();
        UpstreamResponse response = send(licenceNumber, token);
        if (response.status() == 401) {
            tokens.invalidate(token);
            response = send(licenceNumber, tokens.current());
        }
        if (response.status() == 404) {
            return Optional.empty();
        }
        if (response.status() != 200) {
            throw UpstreamCallException.forStatus("DVLA driver data", response.status(), response.errorCode());
        }
        JsonNode driver = response.body().path("driver");
        JsonNode licence = response.body().path("licence");
        if (!driver.hasNonNull("lastName") || !driver.hasNonNull("dateOfBirth") || !licence.hasNonNull("status")) {
            throw new UpstreamCallException("DVLA driver data answered without driver or licence details", false, false, null);
        }
        return Optional.of(new DriverRecord(driver.get("lastName").asString(), LocalDate.parse(driver.get("dateOfBirth").asString()),
                licence.get("status").asString(), licence.hasNonNull("statusQualifier") ? licence.get("statusQualifier").asString() : null));
    }

    private UpstreamResponse send(String licenceNumber, String token) {
        return UpstreamResponse.exchange("DVLA driver data", http.post().uri("/full-driver-enquiry/v1/driving-licences/retrieve")
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                .header("X-API-Key", apiKey).header("Authorization", token)
                .body(Map.of("drivingLicenceNumber", licenceNumber, "includeCPC", false, "includeTacho", false, "acceptPartialResponse", "false")));
    }
}
