package uk.gov.digitalid.platformctl.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * bin/platformctl runs on target/platformctl-*.jar plus target/lib/*, not on the test class path:
 * the embedded backing services must start from exactly that (a test-scoped declaration once took
 * commons-codec out of target/lib and broke local up on a fresh clone while every test passed).
 */
class LauncherClasspathIT {

    @Test
    void theBackingServicesStartFromTheLaunchersClassPath() throws Exception {
        String classpath = String.join(File.pathSeparator, Path.of("target/classes").toAbsolutePath().toString(),
                Path.of("target/lib").toAbsolutePath() + File.separator + "*");
        Path log = Files.createTempFile(Path.of("target"), "launcher", ".log");
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath,
                "uk.gov.digitalid.backing.LocalBackingServices", "--state-dir", "target/launcher-backing", "--fresh",
                "--postgres-port", "0", "--redis-port", "0", "--kafka-port", "0"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
            while (!Files.readString(log, StandardCharsets.UTF_8).contains("Press Ctrl-C") && process.isAlive() && Instant.now().isBefore(deadline)) {
                Thread.sleep(250);
            }
            assertThat(Files.readString(log, StandardCharsets.UTF_8)).contains("PostgreSQL", "Redis", "Kafka", "Press Ctrl-C")
                    .doesNotContain("NoClassDefFoundError", "ClassNotFoundException");
        } finally {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            process.waitFor();
        }
    }
}
