package uk.gov.digitalid.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the gateway tests: JSON in, status + body + headers out. */
public class GatewayClient {

    public record Response(int status, String body, Map<String, List<String>> headers) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase());
            return values == null ? null : values.get(0);
        }
    }

    private static final HttpClient http = HttpClient.newHttpClient();
    private static final JsonMapper json = JsonMapper.builder().build();

    private final int port;
    private final String clientIp;

    public GatewayClient(int port, String clientIp) {
        this.port = port;
        this.clientIp = clientIp;
    }

    public Response post(String path, Object body) {
        return post(path, body instanceof String s ? s : json.writeValueAsString(body), "application/json", null);
    }

    public Response post(String path, String body, String contentType, String token) {
        var builder = request(path, token).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        return send(builder.build());
    }

    /** A relying party's call: JSON body, authenticated by {@code X-API-Key}. */
    public Response postWithApiKey(String path, String body, String apiKey) {
        return send(request(path, null).header("Content-Type", "application/json").header("X-API-Key", apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public Response get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    public Response delete(String path, String token) {
        return send(request(path, token).DELETE().build());
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> body(Response response) {
        return json.readValue(response.body(), Map.class);
    }

    private HttpRequest.Builder request(String path, String token) {
        var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("X-Forwarded-For", clientIp);
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private static Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers().map());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
