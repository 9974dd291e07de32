package uk.gov.digitalid.commons.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;
import uk.gov.digitalid.backing.junit.WithBackingServices;
import uk.gov.digitalid.commons.testapp.CommonsTestApplication;

/** Every kind of bad input, over real HTTP: a 4xx problem+json naming the field, never a stack trace. */
@SpringBootTest(classes = CommonsTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithBackingServices
class ProblemDetailsIT {

    private static final String VALID = """
            {"email":"ada@example.org","age":36,"address":{"postcode":"SW1A 2AA"}}""";

    @LocalServerPort int port;
    @Autowired JsonMapper json;
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void validRequestStillWorks() throws Exception {
        assertThat(post(BodyPublishers.ofString(VALID), "application/json").statusCode()).isEqualTo(201);
    }

    @Test
    void validationErrorsNameEachBadField() throws Exception {
        var response = post(BodyPublishers.ofString("""
                {"email":"not-an-email","age":12,"address":{"postcode":""}}"""), "application/json");

        Map<String, Object> problem = problem(response, 400);
        assertThat(problem.get("detail")).isEqualTo("The request has 3 invalid fields.");
        assertThat(fields(problem)).containsExactlyInAnyOrder("email", "age", "address.postcode");
    }

    @Test
    void malformedJsonIsA400() throws Exception {
        Map<String, Object> problem = problem(post(BodyPublishers.ofString("{\"email\": "), "application/json"), 400);
        assertThat(problem.get("detail")).isEqualTo("The request body is not well-formed JSON.");
    }

    @Test
    void wrongJsonTypeNamesTheField() throws Exception {
        var response = post(BodyPublishers.ofString("""
                {"email":"ada@example.org","age":"old","address":{"postcode":"SW1A 2AA"}}"""), "application/json");

        Map<String, Object> problem = problem(response, 400);
        assertThat(problem.get("errors")).isEqualTo(List.of(Map.of("field", "age", "message", "must be a whole number")));
    }

    @Test
    void unknownFieldsAreRejectedByName() throws Exception {
        var response = post(BodyPublishers.ofString(VALID.replace("{\"email\"", "{\"isAdmin\":true,\"email\"")), "application/json");
        Map<String, Object> problem = problem(response, 400);
        assertThat(problem.get("errors")).isEqualTo(List.of(Map.of("field", "isAdmin", "message", "is not a field of this request")));
    }

    @Test
    void wrongPathVariableTypeNamesTheParameter() throws Exception {
        Map<String, Object> problem = problem(get("/demo/accounts/abc"), 400);
        assertThat(problem.get("errors")).isEqualTo(List.of(Map.of("field", "id", "message", "must be a whole number")));
    }

    @Test
    void constrainedRequestParameterNamesTheParameter() throws Exception {
        Map<String, Object> problem = problem(get("/demo/accounts?limit=1000"), 400);
        assertThat(fields(problem)).containsExactly("limit");
    }

    @Test
    void oversizedBodyIsRefusedBeforeReading() throws Exception {
        String big = VALID.replace("SW1A 2AA", "x".repeat(2048));
        Map<String, Object> problem = problem(post(BodyPublishers.ofString(big), "application/json"), 413);
        assertThat(problem.get("detail")).isEqualTo("The request body must not be larger than 1024 bytes.");
    }

    @Test
    void oversizedChunkedBodyIsRefusedWhileReading() throws Exception {
        byte[] big = VALID.replace("SW1A 2AA", "x".repeat(2048)).getBytes();
        // No Content-Length: the body arrives chunked and is cut off while it is read.
        var response = post(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)), "application/json");
        problem(response, 413);
    }

    @Test
    void unknownRouteIsA404() throws Exception {
        Map<String, Object> problem = problem(get("/no/such/route"), 404);
        assertThat(problem.get("instance")).isEqualTo("/no/such/route");
    }

    @Test
    void wrongMethodIsA405() throws Exception {
        problem(http.send(HttpRequest.newBuilder(uri("/demo/accounts/1")).DELETE().build(), BodyHandlers.ofString()), 405);
    }

    @Test
    void unsupportedMediaTypeIsA415() throws Exception {
        problem(post(BodyPublishers.ofString("email=ada"), "text/plain"), 415);
    }

    @Test
    void exceptionsDeclaringAStatusKeepIt() throws Exception {
        var response = http.send(HttpRequest.newBuilder(uri("/demo/accounts/duplicate")).POST(BodyPublishers.noBody()).build(),
                BodyHandlers.ofString());
        assertThat(problem(response, 409).get("title")).isEqualTo("Conflict");
    }

    @Test
    void errorsOutsideControllersAreProblemsToo() throws Exception {
        Map<String, Object> problem = problem(get("/demo/accounts/forbidden"), 403);
        assertThat(problem.get("title")).isEqualTo("Forbidden");
    }

    @Test
    void unexpectedErrorRevealsNothingInternalButGivesAReference() throws Exception {
        var response = get("/demo/accounts/broken");
        Map<String, Object> problem = problem(response, 500);

        assertThat(response.body()).doesNotContain("db-internal", "svc_admin", "IllegalStateException", "uk.gov", "at ");
        assertThat((String) problem.get("reference")).matches("[0-9a-f-]{36}");
    }

    private Map<String, Object> problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
        @SuppressWarnings("unchecked")
        Map<String, Object> problem = json.readValue(response.body(), Map.class);
        assertThat(problem).containsEntry("status", status).containsKey("title");
        assertThat(response.body()).doesNotContain("trace", "exception", "java.");
        return problem;
    }

    @SuppressWarnings("unchecked")
    private static List<String> fields(Map<String, Object> problem) {
        return ((List<Map<String, String>>) problem.get("errors")).stream().map(e -> e.get("field")).toList();
    }

    private HttpResponse<String> post(BodyPublisher body, String contentType) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/demo/accounts")).header("Content-Type", contentType)
                .POST(body).build(), BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
