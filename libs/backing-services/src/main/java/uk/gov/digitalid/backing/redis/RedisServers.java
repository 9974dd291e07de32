package uk.gov.digitalid.backing.redis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;
import redis.embedded.core.ExecutableProvider;
import uk.gov.digitalid.backing.BackingService;
import uk.gov.digitalid.backing.BackingServicesSettings;
import uk.gov.digitalid.backing.LocalFiles;
import uk.gov.digitalid.backing.Source;
import uk.gov.digitalid.backing.Started;

/** Starts Redis 7 as a container, or the {@code redis-server} on PATH (Debian's is 7.0). */
public final class RedisServers {

    private static final Logger log = LoggerFactory.getLogger(RedisServers.class);
    static final String CONTAINER_IMAGE = "redis:7.4-alpine";

    private RedisServers() {
    }

    public static Started<RedisConnection> container() {
        long begin = System.nanoTime();
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(CONTAINER_IMAGE)).withExposedPorts(6379);
        container.start();
        RedisConnection connection = new RedisConnection(container.getHost(), container.getFirstMappedPort(), "");
        return new Started<>(connection, Source.TESTCONTAINERS, serverVersion(connection),
                Duration.ofNanos(System.nanoTime() - begin), container::stop);
    }

    /**
     * Runs {@code redis-server} from PATH as a child process, bound to 127.0.0.1, working directory and log under the
     * state directory; snapshots are kept only when the state is not fresh. Without one on PATH it
     * falls back to the Redis 6.2 binary bundled in embedded-redis, with a warning.
     */
    public static Started<RedisConnection> embedded(BackingServicesSettings settings) {
        long begin = System.nanoTime();
        Path dir = LocalFiles.prepareDirectory(settings.directory(BackingService.REDIS), settings.fresh());
        Path logFile = dir.resolve("redis.log");
        int port = LocalFiles.portOrFree(settings.port(BackingService.REDIS));
        List<String> command = new ArrayList<>();
        command.add(executable(dir));
        command.addAll(List.of("--port", Integer.toString(port), "--bind", "127.0.0.1", "--protected-mode", "yes",
                "--dir", dir.toString(), "--appendonly", "no", "--save", settings.fresh() ? "" : "60 1"));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            RedisConnection connection = new RedisConnection("127.0.0.1", port, "");
            String version = awaitReady(process, connection, logFile);
            return new Started<>(connection, Source.EMBEDDED, version,
                    Duration.ofNanos(System.nanoTime() - begin), () -> stop(process));
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded Redis did not start; its log:\n" + LocalFiles.tail(logFile, 20), e);
        }
    }

    private static String awaitReady(Process process, RedisConnection connection, Path logFile) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                return serverVersion(connection);
            } catch (UncheckedIOException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IllegalStateException("Embedded Redis did not start; its log:\n" + LocalFiles.tail(logFile, 20));
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    process.destroyForcibly();
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while Redis was starting", e);
                }
            }
        }
    }

    /** SIGTERM lets Redis shut down cleanly (and snapshot when persistence is on). */
    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String executable(Path dir) {
        try {
            return ExecutableProvider.newExecutableInPath("redis-server").get().getAbsolutePath();
        } catch (IOException notOnPath) {
            log.warn("No redis-server on PATH: using the Redis 6.2 binary bundled in embedded-redis. "
                    + "Install Redis 7 (Debian: apt-get install redis-server) to test against the version the platform runs.");
            try {
                return ExecutableProvider.newJarResourceProvider(LocalFiles.prepareDirectory(dir.resolve("binaries"), false).toFile()).get().getAbsolutePath();
            } catch (IOException e) {
                throw new UncheckedIOException("No Redis binary for this platform", e);
            }
        }
    }

    /** Asks the server for its version over a plain socket (RESP inline command), which also proves it answers. */
    static String serverVersion(RedisConnection connection) {
        try (Socket socket = new Socket(connection.host(), connection.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            if (!connection.password().isEmpty()) {
                out.write(("AUTH " + connection.password() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            out.write("INFO server\r\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("-")) {
                    throw new IllegalStateException("Redis at " + connection + " refused: " + line);
                }
                if (line.startsWith("redis_version:")) {
                    return line.substring("redis_version:".length()).trim();
                }
            }
            throw new IllegalStateException("Redis at " + connection + " sent no version");
        } catch (IOException e) {
            throw new UncheckedIOException("Redis at " + connection + " does not answer", e);
        }
    }
}
