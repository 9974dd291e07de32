package uk.gov.digitalid.govconnectors.dvla;

import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import uk.gov.digitalid.govconnectors.upstreams.UpstreamCallException;
import uk.gov.digitalid.govconnectors.upstreams.UpstreamResponse;

/**
 * DVLA Vehicle Enquiry Service ({@code POST /vehicle-enquiry/v1/vehicles} {@code {registrationNumber}}
 * with {@code x-api-key}): a read; 404 means no such vehicle.
 */
public class VehicleEnquiryClient {

    private final RestClient http;
    private final String apiKey;

    public VehicleEnquiryClient(RestClient http, String apiKey) {
        this.http = http;
        this.apiKey = apiKey;
    }

    public Optional<JsonNode> vehicle(String registrationNumber) {
        UpstreamResponse response = UpstreamResponse.exchange("DVLA vehicle enquiry", http.post().uri("/vehicle-enquiry/v1/vehicles")
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).header("x-api-key", apiKey)
                .body(Map.of("registrationNumber", registrationNumber)));
        if (response.status() == 404) {
            return Optional.empty();
        }
        if (response.status() != 200 || !response.body().hasNonNull("registrationNumber")) {
            throw UpstreamCallException.forStatus("DVLA vehicle enquiry", response.status(), response.errorCode());
        }
        return Optional.of(response.body());
    }
}
