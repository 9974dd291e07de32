package uk.gov.digitalid.gateway.upstreams;

import java.time.LocalDate;
import java.util.List;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * gov-connectors' internal API, the contract the gateway relies on:
 * <ul>
 * <li>{@code POST /v1/hmrc/individuals/match} {@code {nino, givenName, familyName, dateOfBirth}} →
 *     {@code {matched, reasons[]}};</li>
 * <li>{@code POST /v1/dvla/driving-licences/verify} {@code {licenceNumber, surname, dateOfBirth}} →
 *     {@code {valid, status, reasons[]}}.</li>
 * </ul>
 * A 4xx answer means the details were refused (a failed check); a 5xx, a timeout or no answer means
 * the check could not be made ({@link UpstreamUnavailableException}). Calls are not retried.
 */
public class GovConnectorsClient {

    public record HmrcMatchRequest(String nino, String givenName, String familyName, LocalDate dateOfBirth) {
    }

    public record HmrcMatch(boolean matched, List<String> reasons) {
    }

    public record LicenceRequest(String licenceNumber, String surname, LocalDate dateOfBirth) {
    }

    public record LicenceCheck(boolean valid, String status, List<String> reasons) {
    }

    private final RestClient http;

    public GovConnectorsClient(RestClient http) {
        this.http = http;
    }

    public HmrcMatch matchIndividual(HmrcMatchRequest request) {
        try {
            return http.post().uri("/v1/hmrc/individuals/match").body(request).retrieve().body(HmrcMatch.class);
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().is4xxClientError()) {
                return new HmrcMatch(false, List.of("refused-" + e.getStatusCode().value()));
            }
            throw new UpstreamUnavailableException("The HMRC check", e);
        } catch (RestClientException e) {
            throw new UpstreamUnavailableException("The HMRC check", e);
        }
    }

    public LicenceCheck checkLicence(LicenceRequest request) {
        try {
            return http.post().uri("/v1/dvla/driving-licences/verify").body(request).retrieve().body(LicenceCheck.class);
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().is4xxClientError()) {
                return new LicenceCheck(false, "REFUSED", List.of("refused-" + e.getStatusCode().value()));
            }
            throw new UpstreamUnavailableException("The driving licence check", e);
        } catch (RestClientException e) {
            throw new UpstreamUnavailableException("The driving licence check", e);
        }
    }
}
