package uk.gov.digitalid.govconnectors.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;
import uk.gov.digitalid.govsandbox.GovSandboxApplication;

/** gov-sandbox running in-process on a random loopback port, with its knobs and counters at hand. */
public final class RunningSandbox implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ConfigurableApplicationContext context;
    private final String url;
    private final HttpClient http = HttpClient.newHttpClient();

    public RunningSandbox(String hmrcTokenLifetime) {
        // Its own settings only: gov-connectors' application.yml is first on this class path.
        context = new SpringApplicationBuilder(GovSandboxApplication.class).run(
                "--spring.config.name=gov-sandbox-in-tests", "--spring.application.name=gov-sandbox",
                "--server.address=127.0.0.1", "--server.port=0", "--management.server.port=0",
                "--digitalid.sync.enabled=false", "--digitalid.system-metrics.enabled=false",
                "--gov-sandbox.hmrc.client-id=sandbox-client-id", "--gov-sandbox.hmrc.client-secret=sandbox-client-secret",
                "--gov-sandbox.hmrc.token-lifetime=" + hmrcTokenLifetime,
                "--gov-sandbox.dvla.api-key=sandbox-dvla-api-key", "--gov-sandbox.dvla.username=sandbox-user",
                "--gov-sandbox.dvla.password=sandbox-password", "--gov-sandbox.dvla.id-token-lifetime=1h");
        url = "http://127.0.0.1:" + context.getEnvironment().getRequiredProperty("local.server.port");
    }

    public String url() {
        return url;
    }

    public void fault(String upstream, long latencyMs, int status, int count) {
        send(HttpRequest.newBuilder(URI.create(url + "/sandbox/faults/" + upstream)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("latencyMs", latencyMs, "status", status, "count", count)))));
    }

    public void resetFaults() {
        send(HttpRequest.newBuilder(URI.create(url + "/sandbox/faults")).DELETE());
    }

    public long calls(String upstream) {
        return JSON.readTree(send(HttpRequest.newBuilder(URI.create(url + "/sandbox/calls")).GET())).get(upstream).asLong();
    }

    public long hmrcTokensIssued() {
        return JSON.readTree(send(HttpRequest.newBuilder(URI.create(url + "/sandbox/hmrc/tokens-issued")).GET())).get("tokensIssued").asLong();
    }

    private String send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("sandbox knob answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
