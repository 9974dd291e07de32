package uk.gov.digitalid.webpages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import uk.gov.digitalid.webpages.gateway.GatewayProblem;

/**
 * The shared web-page behaviour in a running application: security headers and CSRF, friendly error
 * pages with a logged reference, the session cookie cleared when the gateway ends the session, and
 * the gateway's problem+json turned into a {@link GatewayProblem}, against a stand-in gateway on loopback.
 */
@SpringBootTest(classes = WebPagesTest.TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.forward-headers-strategy=native")
class WebPagesTest {

    private static final HttpServer GATEWAY = fakeGateway();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @EnableAutoConfiguration
    @Import(FailingController.class)
    static class TestApplication {
    }

    /** Throws what a page controller would see when the gateway answers with the given status. */
    @RestController
    static class FailingController {
        @GetMapping("/gateway-says/{status}")
        String gatewaySays(@PathVariable int status) {
            throw new GatewayProblem(status, "secret internal detail", Map.of(), null);
        }
    }

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("pages.gateway-url", () -> "http://127.0.0.1:" + GATEWAY.getAddress().getPort());
    }

    @AfterAll
    static void stopGateway() {
        GATEWAY.stop(0);
    }

    @LocalServerPort int port;
    @Autowired RestClient gatewayRestClient;

    @Test
    void pagesCarryTheSecurityHeaders() throws Exception {
        // TLS ends at the ingress, which says so in X-Forwarded-Proto; HSTS is only sent over HTTPS.
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/no-such-page"))
                .header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(page.headers().firstValue("Strict-Transport-Security")).get().asString().contains("max-age=31536000");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
    }

    @Test
    void aPostWithoutItsCsrfTokenIsRefused() throws Exception {
        HttpResponse<String> forged = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("email=x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).doesNotContain("Exception", "at org.");
    }

    @Test
    void anUnknownPageIsAFriendlyNotFound() throws Exception {
        HttpResponse<String> page = get("/no-such-page");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("<h1 class=\"govuk-heading-l\">Page not found</h1>");

        HttpResponse<String> malformed = get("/gateway-says/not-a-number");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("Page not found").doesNotContain("NumberFormatException");
    }

    @Test
    void aGatewayFailureIsAPlainPageWithAReferenceAndNoDetail() throws Exception {
        HttpResponse<String> page = get("/gateway-says/500");
        assertThat(page.statusCode()).isEqualTo(500);
        assertThat(page.body()).contains("Sorry, there is a problem with the service").containsPattern("reference: <strong>[0-9A-F]{8}</strong>")
                .doesNotContain("secret internal detail", "GatewayProblem", "at uk.");

        assertThat(get("/gateway-says/503").body()).contains("Sorry, the service is unavailable");
        assertThat(get("/gateway-says/404").statusCode()).isEqualTo(404);
    }

    @Test
    void anEndedSessionClearsTheCookieAndAsksToSignIn() throws Exception {
        HttpResponse<String> page = get("/gateway-says/401");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).get().asString().endsWith("/sign-in");
        assertThat(page.headers().firstValue("Set-Cookie")).get().asString()
                .startsWith("test_session=;").contains("Max-Age=0", "Secure", "HttpOnly", "SameSite=Lax");
    }

    @Test
    void theGatewaysProblemsBecomeGatewayProblems() {
        GatewayProblem problem = catchThrowableOfType(GatewayProblem.class,
                () -> gatewayRestClient.get().uri("/problem").retrieve().toBodilessEntity());
        assertThat(problem.status()).isEqualTo(429);
        assertThat(problem.getMessage()).isEqualTo("Too many attempts.");
        assertThat(problem.fields()).containsExactly(Map.entry("email", "must be a well-formed email address"));
        assertThat(problem.retryAfterSeconds()).isEqualTo(120L);

        GatewayProblem notJson = catchThrowableOfType(GatewayProblem.class,
                () -> gatewayRestClient.get().uri("/plain").retrieve().toBodilessEntity());
        assertThat(notJson.status()).isEqualTo(502);
        assertThat(notJson.fields()).isEmpty();
        assertThat(notJson.retryAfterSeconds()).isNull();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpServer fakeGateway() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/problem", exchange -> {
                byte[] body = """
                        {"type":"about:blank","status":429,"detail":"Too many attempts.",
                         "errors":[{"field":"email","message":"must be a well-formed email address"}]}""".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
                exchange.getResponseHeaders().add("Retry-After", "120");
                exchange.sendResponseHeaders(429, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.createContext("/plain", exchange -> {
                byte[] body = "<html>Bad Gateway</html>".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(502, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
