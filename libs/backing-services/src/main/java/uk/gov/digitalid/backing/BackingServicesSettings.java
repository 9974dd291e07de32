package uk.gov.digitalid.backing;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How backing servers are found or started.
 *
 * @param stateDirectory where embedded servers keep their data, binaries and logs
 * @param fresh          wipe embedded data before starting (tests) or keep it across runs (local platform)
 * @param mode           which sources may be used
 * @param ports          fixed ports for embedded servers; absent or 0 means a free port is picked
 * @param environment    the environment variables consulted for server URLs
 */
public record BackingServicesSettings(
        Path stateDirectory, boolean fresh, Mode mode, Map<BackingService, Integer> ports,
        Map<String, String> environment) {

    /** System property naming the state directory; the parent POM points it into target/. */
    public static final String STATE_DIR_PROPERTY = "digitalid.backing.state-dir";
    /** Environment variable choosing the mode: auto (default), containers or embedded. */
    public static final String MODE_VARIABLE = "DIGITALID_BACKING_SERVICES";
    public static final String POSTGRES_URL_VARIABLE = "DIGITALID_TEST_POSTGRES_URL";
    public static final String REDIS_URL_VARIABLE = "DIGITALID_TEST_REDIS_URL";
    public static final String KAFKA_BOOTSTRAP_VARIABLE = "DIGITALID_TEST_KAFKA_BOOTSTRAP_SERVERS";

    /** Which sources may be used after an environment URL. */
    public enum Mode {
        /** Testcontainers when a Docker engine answers, else embedded. */
        AUTO,
        /** Testcontainers only; fail when no Docker engine answers. */
        CONTAINERS,
        /** Embedded servers only, never asking Docker. */
        EMBEDDED;

        static Mode parse(String value) {
            if (value == null || value.isBlank()) {
                return AUTO;
            }
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        MODE_VARIABLE + " must be auto, containers or embedded, not '" + value + "'", e);
            }
        }
    }

    public BackingServicesSettings {
        Objects.requireNonNull(stateDirectory, "stateDirectory");
        Objects.requireNonNull(mode, "mode");
        stateDirectory = stateDirectory.toAbsolutePath().normalize();
        ports = Map.copyOf(ports);
        environment = Map.copyOf(environment);
    }

    /**
     * Settings for a test run: fresh servers under the state directory given by the system property
     * (or {@code target/backing-services}), environment and mode from this process's environment.
     */
    public static BackingServicesSettings forTests() {
        Map<String, String> env = System.getenv();
        Path dir = Path.of(System.getProperty(STATE_DIR_PROPERTY, "target/backing-services"));
        return new BackingServicesSettings(dir, true, Mode.parse(env.get(MODE_VARIABLE)), Map.of(), env);
    }

    public BackingServicesSettings withPort(BackingService service, int port) {
        Map<BackingService, Integer> copy = new EnumMap<>(BackingService.class);
        copy.putAll(ports);
        copy.put(service, port);
        return new BackingServicesSettings(stateDirectory, fresh, mode, copy, environment);
    }

    public int port(BackingService service) {
        return ports.getOrDefault(service, 0);
    }

    public Path directory(BackingService service) {
        return stateDirectory.resolve(service.name().toLowerCase(Locale.ROOT));
    }
}
