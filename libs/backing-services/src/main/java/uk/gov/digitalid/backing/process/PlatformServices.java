package uk.gov.digitalid.backing.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The platform's own services started from their executable jars, each in a child JVM on loopback
 * (free ports, or the fixed ports of ARCHITECTURE.md), wired to each other the way the call graph
 * says: gov-connectors to gov-sandbox, the gateway to identity-core, gov-connectors and
 * fraud-analytics, the web applications to the gateway. Services that do not depend on each other
 * start together. Closing stops them all.
 */
public final class PlatformServices implements AutoCloseable {

    /** The services that can be started, in the order their dependencies allow. */
    public enum Service {
        IDENTITY_CORE("identity-core", 3000), GOV_SANDBOX("gov-sandbox", 8071), FRAUD_ANALYTICS("fraud-analytics", 8090),
        GOV_CONNECTORS("gov-connectors", 8070), GATEWAY("gateway", 8080), CITIZEN_PORTAL("citizen-portal", 3002),
        ADMIN_DASHBOARD("admin-dashboard", 3001);

        private final String name;
        private final int port;

        Service(String name, int port) {
            this.name = name;
            this.port = port;
        }

        public String serviceName() {
            return name;
        }

        /** Its port in ARCHITECTURE.md. */
        public int port() {
            return port;
        }

        /** Its management port when every service runs on one machine: the port plus 10000. */
        public int managementPort() {
            return port + 10_000;
        }

        public static Service named(String name) {
            for (Service service : values()) {
                if (service.name.equals(name)) {
                    return service;
                }
            }
            throw new IllegalArgumentException("no service " + name);
        }
    }

    /**
     * Where a service's jar is, whether it listens on its fixed ports, what to say as services come
     * up, and any further arguments per service.
     */
    public record Options(Function<Service, Path> jars, boolean fixedPorts, Consumer<String> progress, Map<Service, List<String>> extraArgs) {

        public Options(Function<Service, Path> jars, boolean fixedPorts, Consumer<String> progress) {
            this(jars, fixedPorts, progress, Map.of());
        }
    }

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    /** Where the gateway is told an upstream is when that upstream was not started: nothing listens there. */
    private static final String NOWHERE = "http://127.0.0.1:9";

    private final Map<Service, ServiceProcess> running = new EnumMap<>(Service.class);

    private final Options options;

    private PlatformServices(Options options) {
        this.options = options;
    }

    /**
     * @param backingArgs the command-line properties that point every service at PostgreSQL, Redis and Kafka
     * @param stateDirectory where services keep files between runs (identity-core's signing keys)
     */
    public static PlatformServices start(Set<Service> services, Path jars, Path logs, Path stateDirectory, List<String> backingArgs) {
        return start(services, new Options(service -> jars.resolve(service.serviceName() + "-exec.jar"), false, message -> { }),
                logs, stateDirectory, backingArgs);
    }

    /**
     * On fixed ports every address is known before anything starts, so all services start at once;
     * on free ports each wave waits for the addresses of the one before (sandbox, then
     * gov-connectors, then the gateway, then the web applications).
     */
    public static PlatformServices start(Set<Service> services, Options options, Path logs, Path stateDirectory, List<String> backingArgs) {
        PlatformServices platform = new PlatformServices(options);
        try {
            // Each wave's arguments are worked out when it starts, from the addresses of the waves before it.
            List<Supplier<Map<Service, List<String>>>> waves = List.of(
                    () -> Map.of(Service.IDENTITY_CORE, List.of("--spring.profiles.active=local",
                                    "--identity-core.keys.directory=" + stateDirectory.resolve("signing-keys"), "--identity-core.issuer.host=localhost:3000"),
                            Service.GOV_SANDBOX, List.of(),
                            Service.FRAUD_ANALYTICS, List.of()),
                    () -> Map.of(Service.GOV_CONNECTORS, List.of("--spring.profiles.active=local",
                            "--gov-connectors.hmrc.base-url=" + platform.url(Service.GOV_SANDBOX, NOWHERE),
                            "--gov-connectors.dvla.base-url=" + platform.url(Service.GOV_SANDBOX, NOWHERE))),
                    () -> Map.of(Service.GATEWAY, List.of(
                            "--gateway.upstreams.identity-core-url=" + platform.url(Service.IDENTITY_CORE, NOWHERE),
                            "--gateway.upstreams.gov-connectors-url=" + platform.url(Service.GOV_CONNECTORS, NOWHERE),
                            "--gateway.upstreams.fraud-analytics-url=" + platform.url(Service.FRAUD_ANALYTICS, NOWHERE))),
                    () -> Map.of(Service.CITIZEN_PORTAL, List.of("--pages.gateway-url=" + platform.url(Service.GATEWAY, NOWHERE)),
                            Service.ADMIN_DASHBOARD, List.of("--pages.gateway-url=" + platform.url(Service.GATEWAY, NOWHERE))));
            if (options.fixedPorts()) {
                Map<Service, List<String>> all = new EnumMap<>(Service.class);
                waves.forEach(wave -> all.putAll(wave.get()));
                platform.startTogether(services, logs, backingArgs, all);
            } else {
                waves.forEach(wave -> platform.startTogether(services, logs, backingArgs, wave.get()));
            }
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    public ServiceProcess get(Service service) {
        ServiceProcess process = running.get(service);
        if (process == null) {
            throw new IllegalStateException(service.serviceName() + " was not started");
        }
        return process;
    }

    public String url(Service service) {
        return get(service).url();
    }

    /** The address of a started service; on fixed ports, of any service, started or not. */
    private String url(Service service, String otherwise) {
        if (options.fixedPorts()) {
            return "http://127.0.0.1:" + service.port();
        }
        return running.containsKey(service) ? running.get(service).url() : otherwise;
    }

    /** The services running, in the order they started. */
    public Map<Service, ServiceProcess> running() {
        synchronized (running) {
            return Map.copyOf(running);
        }
    }

    private void startTogether(Set<Service> wanted, Path logs, List<String> backingArgs, Map<Service, List<String>> args) {
        List<CompletableFuture<Void>> starting = new ArrayList<>();
        for (Map.Entry<Service, List<String>> entry : args.entrySet()) {
            Service service = entry.getKey();
            if (!wanted.contains(service)) {
                continue;
            }
            List<String> all = new ArrayList<>(service == Service.GOV_SANDBOX ? List.of() : backingArgs);
            all.addAll(entry.getValue());
            all.addAll(options.extraArgs().getOrDefault(service, List.of()));
            starting.add(CompletableFuture.runAsync(() -> {
                long start = System.nanoTime();
                options.progress().accept("starting " + service.serviceName());
                ServiceProcess process = ServiceProcess.start(service.serviceName(), options.jars().apply(service), logs, all, READY_TIMEOUT,
                        options.fixedPorts() ? service.port() : 0, options.fixedPorts() ? service.managementPort() : 0);
                synchronized (running) {
                    running.put(service, process);
                }
                options.progress().accept(String.format("ready    %s on %s in %.1f s", service.serviceName(), process.url(),
                        (System.nanoTime() - start) / 1e9));
            }, PlatformServices::ownThread));
        }
        try {
            CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Each service starts on its own thread: the common pool may have just one on a small machine. */
    private static void ownThread(Runnable task) {
        Thread thread = new Thread(task, "start-service");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() {
        synchronized (running) {
            running.values().forEach(ServiceProcess::close);
            running.clear();
        }
    }
}
