package uk.gov.digitalid.platformctl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import uk.gov.digitalid.backing.process.PlatformServices.Service;
import uk.gov.digitalid.platformctl.PlatformCtl;
import uk.gov.digitalid.platformctl.local.LocalPlatform;
import uk.gov.digitalid.platformctl.local.ServiceJars;
import uk.gov.digitalid.platformctl.report.Ansi;

@Command(name = "local", description = "The whole platform on this machine, on embedded PostgreSQL, Redis and Kafka (no Docker, no cluster).",
        subcommands = {LocalCommand.Up.class, LocalCommand.Status.class, LocalCommand.Logs.class, LocalCommand.Down.class})
public class LocalCommand {

    @ParentCommand PlatformCtl parent;

    Path state() {
        return parent.repository().resolve(".local");
    }

    static Path pidFile(Path state) {
        return state.resolve("platform.pid");
    }

    static Optional<ProcessHandle> running(Path state) {
        try {
            Path file = pidFile(state);
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(Files.readString(file).trim())).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Command(name = "up", description = "Start everything, print the URLs and test accounts, and run until Ctrl-C (or platformctl local down).")
    static class Up implements Callable<Integer> {

        @ParentCommand LocalCommand local;
        @Spec CommandSpec spec;

        @Option(names = "--services", split = ",", paramLabel = "<service>",
                description = "Only these services (and what they need); default: all. Names: gateway, identity-core, ...")
        List<String> only = new ArrayList<>();

        @Option(names = "--fresh", description = "Start from empty databases, topics and accounts.") boolean fresh;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Ansi ansi = Ansi.detect();
            Path state = local.state();
            if (running(state).isPresent()) {
                spec.commandLine().getErr().println("platformctl: the local platform is already up (pid " + running(state).get().pid()
                        + "): platformctl local status");
                return PlatformCtl.FINDINGS;
            }
            Set<Service> services = services(only);
            ServiceJars jars = new ServiceJars(local.parent.repository(), state);
            if (!jars.upToDate(services)) {
                jars.build(services, message -> progress(out, ansi, message));
            }
            long start = System.nanoTime();
            LocalPlatform platform;
            try {
                platform = LocalPlatform.start(new LocalPlatform.Options(state, services, fresh, true, jars::jar, message -> progress(out, ansi, message)));
            } catch (IllegalStateException e) {
                spec.commandLine().getErr().println("platformctl: " + e.getMessage());
                return PlatformCtl.FINDINGS;
            }
            Files.writeString(pidFile(state), ProcessHandle.current().pid() + "\n");
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                platform.close();
                try {
                    Files.deleteIfExists(pidFile(state));
                } catch (IOException ignored) {
                    // Gone either way.
                }
                stopped.countDown();
            }, "local-down"));
            summary(out, ansi, platform, (System.nanoTime() - start) / 1e9);
            stopped.await();
            return PlatformCtl.OK;
        }

        private static void progress(PrintWriter out, Ansi ansi, String message) {
            synchronized (out) {
                out.println(ansi.dim("  " + message));
                out.flush();
            }
        }

        private static void summary(PrintWriter out, Ansi ansi, LocalPlatform platform, double seconds) {
            Properties accounts = platform.accounts();
            out.println();
            out.println(ansi.green("The platform is up") + String.format(" (%.0f s):", seconds));
            platform.services().running().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                    out.printf("  %-16s %s   (health: http://127.0.0.1:%d/actuator/health)%n", e.getKey().serviceName(), e.getValue().url(),
                            e.getValue().managementPort()));
            if (!accounts.isEmpty()) {
                out.println();
                out.println("Test accounts (dev only, kept in .local/accounts.properties):");
                out.println("  citizen        " + accounts.getProperty("citizen.email") + " / " + accounts.getProperty("citizen.password"));
                out.println("  relying party  X-API-Key: " + accounts.getProperty("relying-party.key"));
                out.println("  operator       " + accounts.getProperty("operator.email") + " / " + accounts.getProperty("operator.password")
                        + ", TOTP secret " + accounts.getProperty("operator.totp-secret"));
            }
            out.println();
            out.println("Logs: " + platform.logs() + " (platformctl local logs <service>). Stop with Ctrl-C or platformctl local down.");
            out.flush();
        }
    }

    @Command(name = "status", description = "Whether the local platform is up, and each service's readiness.")
    static class Status implements Callable<Integer> {

        @ParentCommand LocalCommand local;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Optional<ProcessHandle> up = running(local.state());
            if (up.isEmpty()) {
                out.println("the local platform is not running (platformctl local up)");
                out.flush();
                return PlatformCtl.FINDINGS;
            }
            out.println("the local platform is up (pid " + up.get().pid() + ")");
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            boolean allReady = true;
            for (Service service : Service.values()) {
                String state;
                try {
                    int code = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.managementPort() + "/actuator/health/readiness"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                    state = code == 200 ? "ready" : "not ready (" + code + ")";
                    allReady &= code == 200;
                } catch (IOException e) {
                    state = "not running";
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return PlatformCtl.USAGE;
                }
                out.printf("  %-16s http://127.0.0.1:%d  %s%n", service.serviceName(), service.port(), state);
            }
            out.flush();
            return allReady ? PlatformCtl.OK : PlatformCtl.FINDINGS;
        }
    }

    @Command(name = "logs", description = "The last lines of a service's log.")
    static class Logs implements Callable<Integer> {

        @ParentCommand LocalCommand local;
        @Spec CommandSpec spec;

        @Parameters(paramLabel = "<service>") String service;
        @Option(names = {"-n", "--lines"}, description = "How many lines (default 100).") int lines = 100;

        @Override
        public Integer call() throws IOException {
            Path log = local.state().resolve("logs").resolve(service + ".log");
            if (!Files.isRegularFile(log)) {
                spec.commandLine().getErr().println("platformctl: no log for " + service + " at " + log);
                return PlatformCtl.USAGE;
            }
            List<String> all = Files.readAllLines(log);
            all.subList(Math.max(0, all.size() - lines), all.size()).forEach(spec.commandLine().getOut()::println);
            spec.commandLine().getOut().flush();
            return PlatformCtl.OK;
        }
    }

    @Command(name = "down", description = "Stop the local platform started by platformctl local up (all its processes).")
    static class Down implements Callable<Integer> {

        @ParentCommand LocalCommand local;
        @Spec CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Optional<ProcessHandle> up = running(local.state());
            if (up.isEmpty()) {
                spec.commandLine().getOut().println("the local platform is not running");
                spec.commandLine().getOut().flush();
                return PlatformCtl.OK;
            }
            ProcessHandle platform = up.get();
            List<ProcessHandle> tree = new ArrayList<>(platform.descendants().toList());
            platform.destroy();
            try {
                platform.onExit().get(90, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                platform.destroyForcibly();
            }
            tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            spec.commandLine().getOut().println("stopped the local platform (pid " + platform.pid() + ")");
            spec.commandLine().getOut().flush();
            return PlatformCtl.OK;
        }
    }

    static Set<Service> services(List<String> only) {
        if (only.isEmpty()) {
            return EnumSet.allOf(Service.class);
        }
        Set<Service> wanted = EnumSet.noneOf(Service.class);
        for (String name : only) {
            Service service = Service.named(name);
            wanted.add(service);
            switch (service) {
                case GATEWAY -> wanted.addAll(EnumSet.of(Service.IDENTITY_CORE, Service.GOV_CONNECTORS, Service.GOV_SANDBOX, Service.FRAUD_ANALYTICS));
                case GOV_CONNECTORS -> wanted.add(Service.GOV_SANDBOX);
                case CITIZEN_PORTAL, ADMIN_DASHBOARD -> wanted.addAll(EnumSet.of(Service.GATEWAY, Service.IDENTITY_CORE, Service.GOV_CONNECTORS,
                        Service.GOV_SANDBOX, Service.FRAUD_ANALYTICS));
                default -> { }
            }
        }
        return wanted;
    }
}
