package uk.gov.digitalid.govsandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The simulator answers in the upstreams' shapes, including their refusals, and its knobs validate. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class GovSandboxTest {

    @LocalServerPort int port;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void hmrcRefusesWrongClientCredentialsAndMissingTokens() throws Exception {
        HttpResponse<String> token = send(post("/oauth/token", "application/x-www-form-urlencoded",
                "client_id=sandbox-client-id&client_secret=wrong&grant_type=client_credentials"));
        assertThat(token.statusCode()).isEqualTo(401);

        HttpResponse<String> match = send(post("/individuals/matching/", "application/json", "{}")
                .header("Accept", "application/vnd.hmrc.2.0+json"));
        assertThat(match.statusCode()).isEqualTo(401);
        assertThat(match.body()).contains("MISSING_CREDENTIALS");
    }

    @Test
    void hmrcWantsItsVersionedAcceptHeaderAndMatchesByItsCriteria() throws Exception {
        String token = send(post("/oauth/token", "application/x-www-form-urlencoded",
                "client_id=sandbox-client-id&client_secret=sandbox-client-secret&grant_type=client_credentials&scope=read:individuals-matching"))
                .body().replaceAll(".*\"access_token\":\"([0-9a-f]+)\".*", "$1");
        String amanda = "{\"firstName\":\"A\",\"lastName\":\"Jos\",\"nino\":\"NA000799C\",\"dateOfBirth\":\"1960-01-15\"}";

        HttpResponse<String> noVersion = send(post("/individuals/matching/", "application/json", amanda).header("Authorization", "Bearer " + token));
        assertThat(noVersion.statusCode()).isEqualTo(406);

        HttpResponse<String> matched = send(post("/individuals/matching/", "application/json", amanda).header("Authorization", "Bearer " + token)
                .header("Accept", "application/vnd.hmrc.2.0+json").header("CorrelationId", "58072660-1df9-4deb-b4ca-cd2d7f96e480"));
        assertThat(matched.statusCode()).isEqualTo(200);
        assertThat(matched.body()).contains("/individuals/matching/");

        HttpResponse<String> throttled = send(post("/individuals/matching/", "application/json",
                "{\"firstName\":\"T\",\"lastName\":\"Tester\",\"nino\":\"JG103759A\",\"dateOfBirth\":\"1990-01-01\"}")
                .header("Authorization", "Bearer " + token).header("Accept", "application/vnd.hmrc.2.0+json")
                .header("CorrelationId", "58072660-1df9-4deb-b4ca-cd2d7f96e480"));
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.body()).contains("MESSAGE_THROTTLED_OUT");
    }

    @Test
    void dvlaTestRegistrationsAnswerTheirDocumentedErrors() throws Exception {
        assertThat(send(post("/vehicle-enquiry/v1/vehicles", "application/json", "{\"registrationNumber\":\"ER19THR\"}")
                .header("x-api-key", "sandbox-dvla-api-key")).statusCode()).isEqualTo(429);
        assertThat(send(post("/vehicle-enquiry/v1/vehicles", "application/json", "{\"registrationNumber\":\"ER19MNT\"}")
                .header("x-api-key", "sandbox-dvla-api-key")).statusCode()).isEqualTo(503);
        assertThat(send(post("/vehicle-enquiry/v1/vehicles", "application/json", "{\"registrationNumber\":\"AA19AAA\"}")
                .header("x-api-key", "wrong")).statusCode()).isEqualTo(403);
    }

    @Test
    void driverDataNeedsBothTheApiKeyAndAnIdToken() throws Exception {
        String body = "{\"drivingLicenceNumber\":\"TCAEU610267NO9EK\"}";
        assertThat(send(post("/full-driver-enquiry/v1/driving-licences/retrieve", "application/json", body)
                .header("X-API-Key", "sandbox-dvla-api-key").header("Authorization", "not-a-token")).statusCode()).isEqualTo(401);
        String idToken = send(post("/thirdparty-access/v1/authenticate", "application/json",
                "{\"userName\":\"sandbox-user\",\"password\":\"sandbox-password\"}")).body().replaceAll(".*\"id-token\":\"([^\"]+)\".*", "$1");
        HttpResponse<String> driver = send(post("/full-driver-enquiry/v1/driving-licences/retrieve", "application/json", body)
                .header("X-API-Key", "sandbox-dvla-api-key").header("Authorization", idToken));
        assertThat(driver.statusCode()).isEqualTo(200);
        assertThat(driver.body()).contains("\"lastName\":\"TCAEUCJ\"", "\"status\":\"Valid\"");
    }

    @Test
    void faultKnobsRejectNonsense() throws Exception {
        assertThat(send(put("/sandbox/faults/hmrc-matching", "{\"latencyMs\":-1,\"status\":0,\"count\":0}")).statusCode()).isEqualTo(400);
        assertThat(send(put("/sandbox/faults/hmrc-matching", "{\"latencyMs\":0,\"status\":200,\"count\":1}")).statusCode()).isEqualTo(400);
        assertThat(send(put("/sandbox/faults/nowhere", "{\"latencyMs\":0,\"status\":500,\"count\":1}")).statusCode()).isEqualTo(400);
    }

    private HttpRequest.Builder post(String path, String contentType, String body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpRequest.Builder put(String path, String body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
