package uk.gov.digitalid.govconnectors.upstreams;

import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An upstream's status and JSON body, read whatever the status; I/O failures become {@link UpstreamCallException}s. */
public record UpstreamResponse(int status, JsonNode body) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Sends the request and reads the answer; a body that is not JSON reads as an empty object. */
    public static UpstreamResponse exchange(String upstream, RestClient.RequestHeadersSpec<?> request) {
        return io(upstream, () -> request.exchange((req, res) -> {
            byte[] bytes = res.getBody().readAllBytes();
            JsonNode body;
            try {
                body = bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
            } catch (JacksonException e) {
                body = JSON.createObjectNode();
            }
            return new UpstreamResponse(res.getStatusCode().value(), body);
        }));
    }

    /** HMRC's {@code code} or the first DVLA {@code errors[].title}, for logs and messages. */
    public String errorCode() {
        if (body.hasNonNull("code")) {
            return body.get("code").asString();
        }
        JsonNode errors = body.get("errors");
        return errors != null && errors.isArray() && !errors.isEmpty() && errors.get(0).hasNonNull("title") ? errors.get(0).get("title").asString() : null;
    }

    private static <T> T io(String upstream, Supplier<T> call) {
        try {
            return call.get();
        } catch (ResourceAccessException e) {
            boolean timeout = e.getCause() instanceof HttpTimeoutException || e.getCause() instanceof SocketTimeoutException;
            throw new UpstreamCallException(upstream + (timeout ? " timed out" : " could not be reached"), true, timeout, e);
        } catch (UncheckedIOException e) {
            throw new UpstreamCallException(upstream + " could not be read", true, false, e);
        }
    }
}
