package uk.gov.digitalid.backing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;

class LocalBackingServicesIT {

    @Test
    void keepsPostgresDataBetweenRunsUnlessFresh() throws Exception {
        Path state = Path.of(System.getProperty(BackingServicesSettings.STATE_DIR_PROPERTY, "target/backing-services"))
                .resolveSibling("local-state");
        String[] args = {"--state-dir", state.toString(), "--fresh", "--postgres-port", "0", "--redis-port", "0", "--kafka-port", "0"};
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (BackingServices services = LocalBackingServices.start(args, new PrintStream(printed, true, StandardCharsets.UTF_8))) {
            var pg = services.postgres();
            try (var c = DriverManager.getConnection(pg.jdbcUrl(), pg.username(), pg.password())) {
                c.createStatement().execute("create table kept (id int)");
            }
            assertThat(printed.toString(StandardCharsets.UTF_8))
                    .contains("--spring.datasource.url=" + pg.jdbcUrl())
                    .contains("--spring.data.redis.url=" + services.redis().url())
                    .contains("--spring.kafka.bootstrap-servers=" + services.kafka().bootstrapServers());
        }
        String[] again = {"--state-dir", state.toString(), "--postgres-port", "0", "--redis-port", "0", "--kafka-port", "0"};
        try (BackingServices services = LocalBackingServices.start(again, new PrintStream(new ByteArrayOutputStream()))) {
            var pg = services.postgres();
            try (var c = DriverManager.getConnection(pg.jdbcUrl(), pg.username(), pg.password())) {
                assertThat(c.createStatement().executeQuery("select count(*) from kept").next()).isTrue();
            }
        }
    }

    @Test
    void rejectsUnknownOptionsAndBadPorts() {
        assertThatIllegalArgumentException().isThrownBy(() -> LocalBackingServices.start(new String[] {"--docker"}, System.out))
                .withMessageContaining("usage");
        assertThatIllegalArgumentException().isThrownBy(() -> LocalBackingServices.start(new String[] {"--kafka-port", "99999"}, System.out));
    }
}
