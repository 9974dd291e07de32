package uk.gov.digitalid.backing;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import uk.gov.digitalid.backing.BackingServicesSettings.Mode;

/**
 * Runs PostgreSQL, Redis and Kafka for local development until Ctrl-C, keeping their data under a
 * state directory between runs, and prints the settings that point a service at them.
 *
 * <pre>
 * usage: LocalBackingServices [--state-dir DIR] [--fresh]
 *                             [--postgres-port N] [--redis-port N] [--kafka-port N]
 * </pre>
 */
public final class LocalBackingServices {

    static final int POSTGRES_PORT = 55432;
    static final int REDIS_PORT = 56379;
    static final int KAFKA_PORT = 59092;

    private LocalBackingServices() {
    }

    public static void main(String[] args) throws InterruptedException {
        BackingServices services;
        try {
            services = start(args, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            services.close();
            stopped.countDown();
        }, "local-backing-services-stop"));
        System.out.println("Press Ctrl-C to stop.");
        stopped.await();
    }

    /** Starts the three servers as the arguments say and prints how to reach them. */
    public static BackingServices start(String[] args, PrintStream out) {
        Path stateDir = Path.of(".local", "backing-services");
        boolean fresh = false;
        Map<BackingService, Integer> ports = new java.util.EnumMap<>(Map.of(
                BackingService.POSTGRES, POSTGRES_PORT, BackingService.REDIS, REDIS_PORT, BackingService.KAFKA, KAFKA_PORT));
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--fresh" -> fresh = true;
                case "--state-dir" -> stateDir = Path.of(value(args, ++i));
                case "--postgres-port" -> ports.put(BackingService.POSTGRES, port(value(args, ++i)));
                case "--redis-port" -> ports.put(BackingService.REDIS, port(value(args, ++i)));
                case "--kafka-port" -> ports.put(BackingService.KAFKA, port(value(args, ++i)));
                default -> throw new IllegalArgumentException("Unknown option " + args[i]
                        + "\nusage: LocalBackingServices [--state-dir DIR] [--fresh] [--postgres-port N] [--redis-port N] [--kafka-port N]");
            }
        }
        var settings = new BackingServicesSettings(stateDir, fresh, Mode.EMBEDDED, ports, System.getenv());
        BackingServices services = new BackingServices(settings);
        try {
            Map<String, String> properties = services.springProperties(EnumSet.allOf(BackingService.class));
            out.println();
            out.println("Backing services are running (data in " + settings.stateDirectory() + "):");
            services.running().forEach((service, started) -> out.printf("  %-10s %-8s %s%n",
                    service.displayName(), started.version(), started.connection()));
            out.println();
            out.println("Point a service at them with:");
            properties.forEach((key, value) -> out.printf("  --%s=%s%n", key, value));
            return services;
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException(args[index - 1] + " needs a value");
        }
        return args[index];
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a port: " + value, e);
        }
    }
}
