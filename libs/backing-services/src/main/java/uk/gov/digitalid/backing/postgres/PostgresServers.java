package uk.gov.digitalid.backing.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.testcontainers.postgresql.PostgreSQLContainer;
import uk.gov.digitalid.backing.BackingService;
import uk.gov.digitalid.backing.BackingServicesSettings;
import uk.gov.digitalid.backing.LocalFiles;
import uk.gov.digitalid.backing.Source;
import uk.gov.digitalid.backing.Started;

/** Starts PostgreSQL 17 as a container or from zonky's embedded binaries. */
public final class PostgresServers {

    static final String CONTAINER_IMAGE = "postgres:17-alpine";

    private PostgresServers() {
    }

    public static Started<PostgresConnection> container() {
        long begin = System.nanoTime();
        PostgreSQLContainer container = new PostgreSQLContainer(CONTAINER_IMAGE);
        container.start();
        PostgresConnection connection = new PostgresConnection(container.getHost(), container.getFirstMappedPort(),
                container.getDatabaseName(), container.getUsername(), container.getPassword());
        return new Started<>(connection, Source.TESTCONTAINERS, serverVersion(connection),
                Duration.ofNanos(System.nanoTime() - begin), container::stop);
    }

    /**
     * Runs the server binaries bundled by zonky on 127.0.0.1 only, TCP only (no Unix socket in
     * /tmp), with data, unpacked binaries and log under the state directory. Fresh settings wipe
     * the data before starting; it is never deleted on stop, so a local platform keeps it.
     */
    public static Started<PostgresConnection> embedded(BackingServicesSettings settings) {
        long begin = System.nanoTime();
        Path dir = LocalFiles.prepareDirectory(settings.directory(BackingService.POSTGRES), false);
        Path data = LocalFiles.prepareDirectory(dir.resolve("data"), settings.fresh());
        Path binaries = LocalFiles.prepareDirectory(dir.resolve("binaries"), false);
        Path log = dir.resolve("postgres.log");
        try {
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setPort(LocalFiles.portOrFree(settings.port(BackingService.POSTGRES)))
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(binaries.toFile())
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("unix_socket_directories", "")
                    .setServerConfig("max_connections", "200")
                    // A development server: a crash may lose the last commits, never corrupt data, and
                    // commits stop waiting for the disk (the outbox commits on every audited request).
                    .setServerConfig("synchronous_commit", "off")
                    .setOutputRedirector(Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(Redirect.appendTo(log.toFile()))
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            PostgresConnection connection =
                    new PostgresConnection("127.0.0.1", server.getPort(), "postgres", "postgres", "");
            return new Started<>(connection, Source.EMBEDDED, serverVersion(connection),
                    Duration.ofNanos(System.nanoTime() - begin), server::close);
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start; its log:\n" + LocalFiles.tail(log, 20), e);
        }
    }

    static String serverVersion(PostgresConnection connection) {
        try (Connection c = DriverManager.getConnection(connection.jdbcUrl(), connection.username(), connection.password());
             ResultSet rs = c.createStatement().executeQuery("show server_version")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + connection + " does not answer", e);
        }
    }
}
