package uk.gov.digitalid.admin;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A citizen using the gateway's public API, to give the operators something to look at. */
final class CitizenApi {

    static final String PASSWORD = "correct horse battery staple";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String gateway;

    CitizenApi(String gateway) {
        this.gateway = gateway;
    }

    /** Registers Ada Lovelace (the sandbox's matching identity) under a new email address; returns the account id. */
    String register(String email) throws IOException, InterruptedException {
        send("POST", "/api/v1/accounts", Map.of("email", email, "password", PASSWORD, "givenName", "Ada", "familyName", "Lovelace"), null, 202);
        return send("GET", "/api/v1/me", null, signIn(email), 200).get("id").asString();
    }

    String signIn(String email) throws IOException, InterruptedException {
        return send("POST", "/api/v1/sessions", Map.of("email", email, "password", PASSWORD), null, 201).get("token").asString();
    }

    /** One failed sign-in, waiting first as long as the gateway says when it is slowing this account's attempts down. */
    void failToSignIn(String email) throws IOException, InterruptedException {
        for (int attempt = 0; attempt < 5; attempt++) {
            HttpResponse<String> response = request("POST", "/api/v1/sessions", Map.of("email", email, "password", "not the password"), null);
            if (response.statusCode() == 401) {
                return;
            }
            if (response.statusCode() != 429) {
                throw new IllegalStateException("a wrong password answered " + response.statusCode() + ": " + response.body());
            }
            Thread.sleep(1000 * Long.parseLong(response.headers().firstValue("Retry-After").orElse("1")));
        }
        throw new IllegalStateException("still throttled after 5 waits");
    }

    int me(String token) throws IOException, InterruptedException {
        return request("GET", "/api/v1/me", null, token).statusCode();
    }

    /** Proves the identity with the sandbox's test NINO and licence, then gets a credential. */
    void proveIdentityAndGetCredential(String token) throws IOException, InterruptedException {
        send("POST", "/api/v1/identity/verifications", Map.of(
                "hmrc", Map.of("nino", "AB123456C", "givenName", "Ada", "familyName", "Lovelace", "dateOfBirth", "1985-12-10"),
                "drivingLicence", Map.of("licenceNumber", "LOVEL812105A99AB", "surname", "Lovelace", "dateOfBirth", "1985-12-10")), token, 201);
        send("POST", "/api/v1/credentials", null, token, 201);
    }

    private JsonNode send(String method, String path, Object body, String token, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = request(method, path, body, token);
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    private HttpResponse<String> request(String method, String path, Object body, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
