package uk.gov.digitalid.gateway.upstreams;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/** identity-core's internal API: issue, list, look up, revoke and verify credentials. */
public class IdentityCoreClient {

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };

    private final RestClient http;

    public IdentityCoreClient(RestClient http) {
        this.http = http;
    }

    public Map<String, Object> issue(Map<String, Object> request) {
        return call(() -> http.post().uri("/v1/credentials").body(request).retrieve().body(MAP));
    }

    public List<Map<String, Object>> list(String subjectId) {
        return call(() -> http.get().uri(b -> b.path("/v1/credentials").queryParam("subjectId", subjectId).build()).retrieve().body(LIST));
    }

    public Optional<Map<String, Object>> find(UUID id) {
        try {
            return Optional.ofNullable(http.get().uri("/v1/credentials/{id}", id).retrieve().body(MAP));
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
                return Optional.empty();
            }
            throw new UpstreamUnavailableException("The credential service", e);
        } catch (RestClientException e) {
            throw new UpstreamUnavailableException("The credential service", e);
        }
    }

    public Map<String, Object> revoke(UUID id) {
        return call(() -> http.post().uri("/v1/credentials/{id}/revocation", id).retrieve().body(MAP));
    }

    /** identity-core's verdict {valid, reasons, claims}; a malformed token is identity-core's 400, passed on. */
    public Map<String, Object> verify(String credential) {
        return call(() -> http.post().uri("/v1/credentials/verify").body(Map.of("credential", credential)).retrieve().body(MAP));
    }

    private <T> T call(java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().is4xxClientError()) {
                throw new UpstreamRejectedException(e.getStatusCode().value(), e.getResponseBodyAsString());
            }
            throw new UpstreamUnavailableException("The credential service", e);
        } catch (RestClientException e) {
            throw new UpstreamUnavailableException("The credential service", e);
        }
    }
}
