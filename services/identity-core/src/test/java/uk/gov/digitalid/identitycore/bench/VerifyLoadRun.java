package uk.gov.digitalid.identitycore.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;
import uk.gov.digitalid.backing.BackingService;
import uk.gov.digitalid.backing.BackingServices;
import uk.gov.digitalid.backing.BackingServicesSettings;
import uk.gov.digitalid.identitycore.CredentialFixtures;
import uk.gov.digitalid.identitycore.IdentityCoreApplication;

/**
 * A bounded loopback load run of {@code POST /v1/credentials/verify}: embedded backing services,
 * identity-core on a random port, one issued credential, then {@code wrk} for a fixed time with a
 * fixed number of connections against 127.0.0.1. Prints wrk's own figures. Not part of the build:
 * scripts/load-identity-core-verify.sh runs it.
 *
 * <p>Arguments: seconds, connections (defaults 20 and 32).
 */
public final class VerifyLoadRun {

    private VerifyLoadRun() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        if (seconds < 1 || seconds > 120 || connections < 1 || connections > 256) {
            throw new IllegalArgumentException("seconds 1..120, connections 1..256");
        }
        Path work = Files.createDirectories(Path.of("target/load-run"));
        var settings = new BackingServicesSettings(work.resolve("backing"), true, BackingServicesSettings.Mode.EMBEDDED, Map.of(), System.getenv());
        try (BackingServices services = new BackingServices(settings)) {
            List<String> appArgs = new ArrayList<>(List.of("--spring.profiles.active=local", "--server.port=0",
                    "--management.server.port=0", "--identity-core.keys.directory=" + work.resolve("keys"),
                    "--logging.level.root=WARN", "--digitalid.system-metrics.enabled=false"));
            services.springProperties(EnumSet.allOf(BackingService.class)).forEach((k, v) -> appArgs.add("--" + k + "=" + v));
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(IdentityCoreApplication.class).run(appArgs.toArray(String[]::new))) {
                int port = Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port"));
                JsonMapper json = app.getBean(JsonMapper.class);
                var issued = CredentialFixtures.post(port, "/v1/credentials", CredentialFixtures.request("load-citizen"), json);
                String credential = (String) json.readValue(issued.body(), Map.class).get("credential");
                Path body = Files.writeString(work.resolve("verify-body.json"), json.writeValueAsString(Map.of("credential", credential)));
                Path script = Files.writeString(work.resolve("verify.lua"), """
                        wrk.method = "POST"
                        wrk.headers["Content-Type"] = "application/json"
                        wrk.body = io.open("%s"):read("*a")
                        local failures = 0
                        response = function(status, headers, body)
                          if status ~= 200 or not string.find(body, '"valid":true', 1, true) then failures = failures + 1 end
                        end
                        done = function(summary, latency, requests)
                          io.write(string.format("non-200 or invalid answers: %%d (of the last thread)\\n", failures))
                        end
                        """.formatted(body.toAbsolutePath()));
                warmUp(port, json, credential);
                run(List.of("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency", "-s", script.toString(),
                        "http://127.0.0.1:" + port + "/v1/credentials/verify"), Duration.ofSeconds(seconds + 30));
            }
        }
    }

    private static void warmUp(int port, JsonMapper json, String credential) {
        for (int i = 0; i < 2000; i++) {
            CredentialFixtures.post(port, "/v1/credentials/verify", Map.of("credential", credential), json);
        }
    }

    private static void run(List<String> command, Duration limit) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (!process.waitFor(limit.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("wrk did not finish in " + limit);
        }
    }
}
