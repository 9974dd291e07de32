package uk.gov.digitalid.backing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.gov.digitalid.backing.BackingServicesSettings.Mode;

/** A private set of servers (not the shared one), to see that stopping leaves nothing behind. */
class EmbeddedLifecycleIT {

    @Test
    void closeStopsEveryChildProcessAndKeepsFilesUnderTheStateDirectory() throws Exception {
        Path state = Path.of(System.getProperty(BackingServicesSettings.STATE_DIR_PROPERTY, "target/backing-services"))
                .resolveSibling("lifecycle-state");
        long childrenBefore = ProcessHandle.current().descendants().count();
        int redisPort;
        int kafkaPort;
        try (BackingServices services = new BackingServices(new BackingServicesSettings(state, true, Mode.EMBEDDED, Map.of(), Map.of()))) {
            services.start(EnumSet.of(BackingService.REDIS, BackingService.KAFKA));
            redisPort = services.redis().port();
            kafkaPort = Integer.parseInt(services.kafka().bootstrapServers().split(":")[1]);
            assertThat(listening(redisPort)).isTrue();
            assertThat(listening(kafkaPort)).isTrue();
            assertThat(ProcessHandle.current().descendants().count()).isGreaterThan(childrenBefore);
        }
        assertThat(listening(redisPort)).isFalse();
        assertThat(listening(kafkaPort)).isFalse();
        assertThat(ProcessHandle.current().descendants().count()).isEqualTo(childrenBefore);
        assertThat(Files.exists(state.resolve("kafka/data/meta.properties"))).isTrue();
        assertThat(state.resolve("redis")).isDirectory();
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
