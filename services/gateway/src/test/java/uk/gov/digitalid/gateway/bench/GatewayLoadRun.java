package uk.gov.digitalid.gateway.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;
import uk.gov.digitalid.backing.BackingService;
import uk.gov.digitalid.backing.BackingServices;
import uk.gov.digitalid.backing.BackingServicesSettings;
import uk.gov.digitalid.gateway.GatewayApplication;
import uk.gov.digitalid.gateway.GatewayClient;
import uk.gov.digitalid.gateway.accounts.PasswordHasher;
import uk.gov.digitalid.gateway.relyingparties.ApiClients;
import uk.gov.digitalid.identitycore.IdentityCoreApplication;
import uk.gov.digitalid.identitycore.credentials.CredentialIssuer;
import uk.gov.digitalid.identitycore.credentials.CredentialRequest;

/**
 * Bounded loopback figures for the gateway (scripts/bench-gateway.sh runs it; not part of the build):
 * <ol>
 * <li>sign-in cost: Argon2id verifications per second at the configured parameters, 1 and 2 threads;</li>
 * <li>{@code POST /api/v1/verify} through the gateway to identity-core with wrk, both services and
 *     the embedded backing servers in this one JVM on the same cores.</li>
 * </ol>
 * Arguments: seconds, connections (defaults 20 and 16).
 */
public final class GatewayLoadRun {

    private GatewayLoadRun() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        if (seconds < 1 || seconds > 120 || connections < 1 || connections > 256) {
            throw new IllegalArgumentException("seconds 1..120, connections 1..256");
        }
        signInCost();
        Path work = Files.createDirectories(Path.of("target/gateway-load-run"));
        var settings = new BackingServicesSettings(work.resolve("backing"), true, BackingServicesSettings.Mode.EMBEDDED, Map.of(), System.getenv());
        try (BackingServices services = new BackingServices(settings)) {
            List<String> common = new ArrayList<>(List.of("--spring.profiles.active=local", "--server.port=0", "--management.server.port=0",
                    "--logging.level.root=WARN", "--digitalid.system-metrics.enabled=false"));
            services.springProperties(EnumSet.allOf(BackingService.class)).forEach((k, v) -> common.add("--" + k + "=" + v));
            List<String> core = new ArrayList<>(common);
            core.addAll(List.of("--spring.config.name=identity-core-bench", "--spring.application.name=identity-core",
                    "--spring.flyway.locations=classpath:db/migration/identity-core", "--spring.flyway.schemas=identity_core",
                    "--spring.flyway.default-schema=identity_core", "--spring.datasource.hikari.schema=identity_core",
                    "--identity-core.keys.directory=" + work.resolve("keys"), "--identity-core.issuer.host=localhost:3000"));
            try (ConfigurableApplicationContext identityCore = new SpringApplicationBuilder(IdentityCoreApplication.class).run(core.toArray(String[]::new))) {
                String coreUrl = "http://127.0.0.1:" + identityCore.getEnvironment().getRequiredProperty("local.server.port");
                List<String> gatewayArgs = new ArrayList<>(common);
                gatewayArgs.addAll(List.of("--gateway.upstreams.identity-core-url=" + coreUrl,
                        "--gateway.relying-parties.verifications-per-minute=100000000"));
                try (ConfigurableApplicationContext gateway = new SpringApplicationBuilder(GatewayApplication.class).run(gatewayArgs.toArray(String[]::new))) {
                    int port = Integer.parseInt(gateway.getEnvironment().getRequiredProperty("local.server.port"));
                    String credential = identityCore.getBean(CredentialIssuer.class).issue(new CredentialRequest("bench-citizen",
                            new CredentialRequest.Claims(List.of(new CredentialRequest.Name("Ada", "Lovelace")), LocalDate.of(1985, 12, 10), List.of()),
                            new CredentialRequest.Evidence("bench", 3, 2, 3, 1, 2, List.of()), Duration.ofDays(30))).credential();
                    String apiKey = gateway.getBean(ApiClients.class).create("Bench Bank");
                    JsonMapper json = JsonMapper.builder().build();
                    Path body = Files.writeString(work.resolve("verify-body.json"), json.writeValueAsString(Map.of("credential", credential)));
                    Path script = Files.writeString(work.resolve("verify.lua"), """
                            wrk.method = "POST"
                            wrk.headers["Content-Type"] = "application/json"
                            wrk.headers["X-API-Key"] = "%s"
                            wrk.body = io.open("%s"):read("*a")
                            """.formatted(apiKey, body.toAbsolutePath()));
                    GatewayClient client = new GatewayClient(port, "127.0.0.1");
                    for (int i = 0; i < 2000; i++) {
                        client.postWithApiKey("/api/v1/verify", json.writeValueAsString(Map.of("credential", credential)), apiKey);
                    }
                    Process wrk = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency", "-s",
                            script.toString(), "http://127.0.0.1:" + port + "/api/v1/verify").inheritIO().start();
                    if (!wrk.waitFor(seconds + 30L, TimeUnit.SECONDS)) {
                        wrk.destroyForcibly();
                    }
                }
            }
        }
    }

    private static void signInCost() throws InterruptedException {
        PasswordHasher hasher = new PasswordHasher(19_456, 2, 1);
        String hash = hasher.hash("correct horse battery staple");
        for (int i = 0; i < 10; i++) {
            hasher.matches("correct horse battery staple", hash);
        }
        for (int threads : new int[] {1, 2}) {
            int perThread = 40;
            long begin = System.nanoTime();
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Thread worker = new Thread(() -> {
                    for (int i = 0; i < perThread; i++) {
                        hasher.matches("correct horse battery staple", hash);
                    }
                });
                workers.add(worker);
                worker.start();
            }
            for (Thread worker : workers) {
                worker.join();
            }
            double elapsed = (System.nanoTime() - begin) / 1e9;
            System.out.printf("Argon2id (m=19 MiB, t=2, p=1) password checks: %d threads, %.1f checks/s (%.1f ms each)%n",
                    threads, threads * perThread / elapsed, elapsed * 1000 / perThread);
        }
    }
}
