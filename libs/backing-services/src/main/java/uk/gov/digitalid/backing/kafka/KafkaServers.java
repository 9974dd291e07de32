package uk.gov.digitalid.backing.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.AppInfoParser;
import org.testcontainers.kafka.KafkaContainer;
import uk.gov.digitalid.backing.BackingService;
import uk.gov.digitalid.backing.BackingServicesSettings;
import uk.gov.digitalid.backing.LocalFiles;
import uk.gov.digitalid.backing.Source;
import uk.gov.digitalid.backing.Started;

/** Starts a single-node Kafka 4 cluster in KRaft mode, as a container or in a child JVM. */
public final class KafkaServers {

    static final String CONTAINER_IMAGE = "apache/kafka:" + AppInfoParser.getVersion();
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private KafkaServers() {
    }

    public static Started<KafkaConnection> container() {
        long begin = System.nanoTime();
        KafkaContainer container = new KafkaContainer(CONTAINER_IMAGE);
        container.start();
        return new Started<>(new KafkaConnection(container.getBootstrapServers()), Source.TESTCONTAINERS,
                AppInfoParser.getVersion(), Duration.ofNanos(System.nanoTime() - begin), container::stop);
    }

    /**
     * Runs the broker from the Kafka jars on this JVM's class path in a child JVM (broker and
     * controller in one node, listeners on 127.0.0.1), with data, configuration and log under the
     * state directory.
     */
    public static Started<KafkaConnection> embedded(BackingServicesSettings settings) {
        long begin = System.nanoTime();
        Path dir = LocalFiles.prepareDirectory(settings.directory(BackingService.KAFKA), settings.fresh());
        Path logFile = dir.resolve("kafka.log");
        int port = LocalFiles.portOrFree(settings.port(BackingService.KAFKA));
        int controllerPort = LocalFiles.portOrFree(0);
        try {
            Path config = writeConfig(dir, port, controllerPort);
            Path logging = Files.writeString(dir.resolve("logback.xml"), LOGBACK_CONFIG);
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC",
                    "-Djava.io.tmpdir=" + LocalFiles.prepareDirectory(dir.resolve("tmp"), true),
                    "-Dlogback.configurationFile=" + logging,
                    "-cp", System.getProperty("java.class.path"),
                    KafkaBrokerMain.class.getName(), config.toString(), clusterId(dir)));
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            KafkaConnection connection = new KafkaConnection("127.0.0.1:" + port);
            try {
                awaitReady(process, connection, logFile);
            } catch (RuntimeException e) {
                stop(process);
                throw e;
            }
            return new Started<>(connection, Source.EMBEDDED, AppInfoParser.getVersion(),
                    Duration.ofNanos(System.nanoTime() - begin), () -> stop(process));
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded Kafka did not start; its log:\n" + LocalFiles.tail(logFile, 30), e);
        }
    }

    private static Path writeConfig(Path dir, int port, int controllerPort) throws IOException {
        String config = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dir.resolve("data"),
                "num.partitions=3",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=5",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true",
                "");
        return Files.writeString(dir.resolve("server.properties"), config, StandardCharsets.UTF_8);
    }

    /** A KRaft cluster id is fixed when storage is formatted, so it is kept beside the data. */
    private static String clusterId(Path dir) throws IOException {
        Path file = dir.resolve("cluster.id");
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        String id = Uuid.randomUuid().toString();
        Files.writeString(file, id);
        return id;
    }

    private static void awaitReady(Process process, KafkaConnection connection, Path logFile) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        String[] hostPort = connection.bootstrapServers().split(":");
        InetSocketAddress address = new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1]));
        while (!accepts(address)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Embedded Kafka exited with " + process.exitValue()
                        + "; its log:\n" + LocalFiles.tail(logFile, 30));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Embedded Kafka not listening after " + READY_TIMEOUT
                        + "; its log:\n" + LocalFiles.tail(logFile, 30));
            }
            sleep(100);
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, connection.bootstrapServers()))) {
            admin.describeCluster().nodes().get(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Embedded Kafka does not answer; its log:\n" + LocalFiles.tail(logFile, 30), e);
        }
    }

    private static boolean accepts(InetSocketAddress address) {
        try (Socket socket = new Socket()) {
            socket.connect(address, 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Closing the child's standard input asks it to shut down cleanly; force it only if it will not. */
    private static void stop(Process process) {
        try {
            process.getOutputStream().close();
            if (process.waitFor(30, TimeUnit.SECONDS)) {
                return;
            }
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while Kafka was starting", e);
        }
    }

    private static final String LOGBACK_CONFIG = """
            <configuration>
              <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n</pattern></encoder>
              </appender>
              <logger name="kafka.server.KafkaRaftServer" level="INFO"/>
              <logger name="kafka.server.BrokerServer" level="INFO"/>
              <root level="WARN"><appender-ref ref="OUT"/></root>
            </configuration>
            """;
}
