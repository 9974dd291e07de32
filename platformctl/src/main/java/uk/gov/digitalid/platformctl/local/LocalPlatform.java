package uk.gov.digitalid.platformctl.local;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import uk.gov.digitalid.backing.BackingServices;
import uk.gov.digitalid.backing.LocalBackingServices;
import uk.gov.digitalid.backing.process.GatewayCommands;
import uk.gov.digitalid.backing.process.PlatformServices;
import uk.gov.digitalid.backing.process.PlatformServices.Service;

/**
 * The whole platform on one machine with no Docker: PostgreSQL, Redis and Kafka embedded (their
 * data kept under .local/ between runs unless fresh), the Kafka topics, every service from its jar
 * as a child process on the ports of ARCHITECTURE.md (gov-sandbox as the upstream), and, once, a
 * test citizen, a relying-party key and an operator. Closing stops it all.
 */
public final class LocalPlatform implements AutoCloseable {

    public static final String CITIZEN_EMAIL = "citizen@example.org";
    public static final String CITIZEN_PASSWORD = "correct horse battery staple";
    public static final String OPERATOR_EMAIL = "ops@example.gov.uk";

    /** What to start and how. */
    public record Options(Path stateDirectory, Set<Service> services, boolean fresh, boolean fixedPorts,
                          Function<Service, Path> jars, Consumer<String> progress, Map<Service, List<String>> extraArgs) {

        public Options(Path stateDirectory, Set<Service> services, boolean fresh, boolean fixedPorts, Function<Service, Path> jars,
                       Consumer<String> progress) {
            this(stateDirectory, services, fresh, fixedPorts, jars, progress, Map.of());
        }
    }

    private final BackingServices backing;
    private final PlatformServices services;
    private final Properties accounts;
    private final Path stateDirectory;

    private LocalPlatform(BackingServices backing, PlatformServices services, Properties accounts, Path stateDirectory) {
        this.backing = backing;
        this.services = services;
        this.accounts = accounts;
        this.stateDirectory = stateDirectory;
    }

    /** @throws IllegalStateException naming every port already taken, before anything starts */
    public static LocalPlatform start(Options options) {
        Path state = options.stateDirectory();
        if (options.fixedPorts()) {
            requireFreePorts(options.services());
        }
        options.progress().accept("starting PostgreSQL, Redis and Kafka (data in " + state.resolve("backing-services") + ")");
        List<String> backingArgs = new ArrayList<>(List.of("--state-dir", state.resolve("backing-services").toString()));
        if (options.fresh()) {
            backingArgs.add("--fresh");
        }
        if (!options.fixedPorts()) {
            backingArgs.addAll(List.of("--postgres-port", "0", "--redis-port", "0", "--kafka-port", "0"));
        }
        BackingServices backing = LocalBackingServices.start(backingArgs.toArray(String[]::new), new PrintStream(PrintStream.nullOutputStream()));
        PlatformServices services = null;
        try {
            createTopics(backing.kafka().bootstrapServers());
            List<String> springArgs = backing.springArguments();
            services = PlatformServices.start(options.services(), new PlatformServices.Options(options.jars(), options.fixedPorts(), options.progress(),
                    options.extraArgs()),
                    state.resolve("logs"), state.resolve("state"), springArgs);
            Properties accounts = options.services().contains(Service.GATEWAY)
                    ? accounts(state, options.fresh(), services, new GatewayCommands(options.jars().apply(Service.GATEWAY), springArgs), options.progress())
                    : new Properties();
            return new LocalPlatform(backing, services, accounts, state);
        } catch (RuntimeException e) {
            if (services != null) {
                services.close();
            }
            backing.close();
            throw e;
        }
    }

    public PlatformServices services() {
        return services;
    }

    public BackingServices backing() {
        return backing;
    }

    public String url(Service service) {
        return services.url(service);
    }

    /** citizen.email, citizen.password, relying-party.key, operator.email, operator.password, operator.totp-secret */
    public Properties accounts() {
        return accounts;
    }

    public Path logs() {
        return stateDirectory.resolve("logs");
    }

    @Override
    public void close() {
        services.close();
        backing.close();
    }

    static void requireFreePorts(Set<Service> services) {
        List<String> taken = new ArrayList<>();
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("PostgreSQL", 55432);
        ports.put("Redis", 56379);
        ports.put("Kafka", 59092);
        for (Service service : services) {
            ports.put(service.serviceName(), service.port());
            ports.put(service.serviceName() + " (management)", service.managementPort());
        }
        ports.forEach((what, port) -> {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress("127.0.0.1", port));
            } catch (IOException inUse) {
                taken.add(port + " (" + what + ")");
            }
        });
        if (!taken.isEmpty()) {
            throw new IllegalStateException("ports already in use: " + String.join(", ", taken)
                    + ". Is the platform already up (platformctl local status)? Stop what holds them, then try again.");
        }
    }

    private static void createTopics(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            for (NewTopic topic : List.of(new NewTopic("audit-logs", 12, (short) 1), new NewTopic("audit-logs.dlq", 3, (short) 1),
                    new NewTopic("fraud-alerts", 3, (short) 1), new NewTopic("system-metrics", 3, (short) 1))) {
                try {
                    admin.createTopics(List.of(topic)).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("could not create topic " + topic.name() + ": " + e.getCause().getMessage(), e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The test accounts: made once (a fresh state makes them again) and kept in .local/accounts.properties. */
    private static Properties accounts(Path state, boolean fresh, PlatformServices services, GatewayCommands gateway, Consumer<String> progress) {
        Path file = state.resolve("accounts.properties");
        Properties accounts = new Properties();
        try {
            if (!fresh && Files.isRegularFile(file)) {
                try (var in = Files.newInputStream(file)) {
                    accounts.load(in);
                }
                if (accounts.containsKey("operator.totp-secret")) {
                    return accounts;
                }
            }
            progress.accept("creating a test citizen, a relying-party key and an operator");
            register(services.url(Service.GATEWAY));
            CompletableFuture<String> key = CompletableFuture.supplyAsync(() -> gateway.createApiClient("Local relying party"));
            GatewayCommands.Operator operator = gateway.createOperator(OPERATOR_EMAIL);
            accounts.setProperty("citizen.email", CITIZEN_EMAIL);
            accounts.setProperty("citizen.password", CITIZEN_PASSWORD);
            accounts.setProperty("relying-party.key", key.join());
            accounts.setProperty("operator.email", operator.email());
            accounts.setProperty("operator.password", operator.password());
            accounts.setProperty("operator.totp-secret", operator.totpSecret());
            Files.createDirectories(state);
            try (var out = Files.newOutputStream(file)) {
                accounts.store(out, "Test accounts of the local platform (dev only; platformctl local up --fresh makes new ones)");
            }
            return accounts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void register(String gateway) {
        String body = "{\"email\":\"" + CITIZEN_EMAIL + "\",\"password\":\"" + CITIZEN_PASSWORD + "\",\"givenName\":\"Ada\",\"familyName\":\"Lovelace\"}";
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/accounts"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                throw new IllegalStateException("registering the test citizen answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
