package uk.gov.digitalid.backing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import uk.gov.digitalid.backing.BackingServicesSettings.Mode;

class SourceResolutionTest {

    @TempDir
    Path state;

    @Test
    void urlsFromTheEnvironmentComeFirstAndAreNeverStopped() {
        Map<String, String> env = Map.of(
                BackingServicesSettings.POSTGRES_URL_VARIABLE, "postgresql://u:p@db:5432/app",
                BackingServicesSettings.REDIS_URL_VARIABLE, "redis://cache:6379",
                BackingServicesSettings.KAFKA_BOOTSTRAP_VARIABLE, "broker:9092");
        try (BackingServices services = new BackingServices(new BackingServicesSettings(state, true, Mode.AUTO, Map.of(), env))) {
            var running = services.start(Set.of(BackingService.values()));

            assertThat(running.values()).allSatisfy(s -> assertThat(s.source()).isEqualTo(Source.ENVIRONMENT));
            assertThat(services.springProperties(Set.of(BackingService.values()))).containsExactly(
                    Map.entry("spring.datasource.url", "jdbc:postgresql://db:5432/app"),
                    Map.entry("spring.datasource.username", "u"),
                    Map.entry("spring.datasource.password", "p"),
                    Map.entry("spring.data.redis.url", "redis://cache:6379"),
                    Map.entry("spring.kafka.bootstrap-servers", "broker:9092"));
        }
        assertThat(state).isEmptyDirectory();
    }

    @Test
    void containersModeFailsClearlyWithoutDocker() {
        assumeFalse(DockerClientFactory.instance().isDockerAvailable(), "a Docker engine answers here");
        try (BackingServices services = new BackingServices(new BackingServicesSettings(state, true, Mode.CONTAINERS, Map.of(), Map.of()))) {
            assertThatIllegalStateException().isThrownBy(services::redis).withMessageContaining("no Docker engine");
        }
    }

    @Test
    void unknownModeIsRejected() {
        assertThat(Mode.parse(" Embedded ")).isEqualTo(Mode.EMBEDDED);
        assertThat(Mode.parse(null)).isEqualTo(Mode.AUTO);
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> Mode.parse("docker"));
    }
}
