package uk.gov.digitalid.identitycore;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import uk.gov.digitalid.identitycore.credentials.CredentialRequest;

/** Requests and a small HTTP client for the identity-core integration tests. */
public final class CredentialFixtures {

    private static final HttpClient http = HttpClient.newHttpClient();

    private CredentialFixtures() {
    }

    public static CredentialRequest request(String subject) {
        return new CredentialRequest(subject,
                new CredentialRequest.Claims(List.of(new CredentialRequest.Name("Ada", "Lovelace")), LocalDate.of(1985, 12, 10),
                        List.of(new CredentialRequest.Address("10", null, "Downing Street", "London", "SW1A 2AA", "GB"))),
                new CredentialRequest.Evidence("txn-" + subject, 4, 2, 2, 1, 2,
                        List.of(new CredentialRequest.CheckDetail("data", "record_check", null))),
                Duration.ofDays(30));
    }

    public record Response(int status, String body, Map<String, List<String>> headers) {
    }

    public static Response post(int port, String path, Object body, JsonMapper json) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : json.writeValueAsString(body))).build());
    }

    public static Response get(int port, String path) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build());
    }

    /** The status of a conditional GET with the given entity tag. */
    public static int send304(int port, String path, String etag) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("If-None-Match", etag).GET().build()).status();
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
