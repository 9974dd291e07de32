package uk.gov.digitalid.admin.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceHealthTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    @Test
    void showsTheSnapshotsFiguresReadably() {
        ServiceHealth health = ServiceHealth.from(row("2026-11-26T11:59:30Z", "UP", Map.of("jvm.memory.used", 104_857_600.0,
                "jvm.threads.live", 42.0, "process.cpu.usage", 0.034, "hikaricp.connections.active", 3.0)), NOW, Duration.ofMinutes(2));
        assertThat(health.service()).isEqualTo("gateway");
        assertThat(health.statusText()).isEqualTo("UP");
        assertThat(health.tagClass()).isEqualTo("govuk-tag govuk-tag--green");
        assertThat(health.heap()).isEqualTo("100 MiB");
        assertThat(health.threads()).isEqualTo("42");
        assertThat(health.cpu()).isEqualTo("3%");
        assertThat(health.dbConnections()).isEqualTo("3");
    }

    @Test
    void aServiceThatStoppedReportingIsNotShownAsUp() {
        ServiceHealth health = ServiceHealth.from(row("2026-11-26T11:57:59Z", "UP", Map.of()), NOW, Duration.ofMinutes(2));
        assertThat(health.stale()).isTrue();
        assertThat(health.statusText()).isEqualTo("Not reporting");
        assertThat(health.tagClass()).isEqualTo("govuk-tag govuk-tag--grey");
        assertThat(health.dbConnections()).as("a figure the service lacks").isEqualTo("–");
    }

    @Test
    void aDownServiceIsRed() {
        assertThat(ServiceHealth.from(row("2026-11-26T11:59:59Z", "DOWN", Map.of()), NOW, Duration.ofMinutes(2)).tagClass())
                .isEqualTo("govuk-tag govuk-tag--red");
    }

    private static Map<String, Object> row(String reportedAt, String status, Map<String, Object> gauges) {
        return Map.of("service", "gateway", "instance", "pod-1", "reportedAt", reportedAt,
                "snapshot", Map.of("status", status, "gauges", gauges));
    }
}
