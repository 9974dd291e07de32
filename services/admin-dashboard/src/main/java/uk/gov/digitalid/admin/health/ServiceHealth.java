package uk.gov.digitalid.admin.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;

/** One row of the system-health page, worked out from a service's newest snapshot. */
public record ServiceHealth(String service, String instance, String status, boolean stale, Instant reportedAt, String heap, String threads,
                     String cpu, String dbConnections) {

    static ServiceHealth from(Map<String, Object> row, Instant now, Duration staleAfter) {
        @SuppressWarnings("unchecked")
        Map<String, Object> snapshot = (Map<String, Object>) row.getOrDefault("snapshot", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> gauges = (Map<String, Object>) snapshot.getOrDefault("gauges", Map.of());
        Instant reportedAt = Instant.parse(String.valueOf(row.get("reportedAt")));
        return new ServiceHealth(String.valueOf(row.get("service")), String.valueOf(row.get("instance")),
                String.valueOf(snapshot.getOrDefault("status", "UNKNOWN")), reportedAt.isBefore(now.minus(staleAfter)), reportedAt,
                figure(gauges.get("jvm.memory.used"), v -> String.format(Locale.UK, "%.0f MiB", v / (1024 * 1024))),
                figure(gauges.get("jvm.threads.live"), v -> String.format(Locale.UK, "%.0f", v)),
                figure(gauges.get("process.cpu.usage"), v -> String.format(Locale.UK, "%.0f%%", v * 100)),
                figure(gauges.get("hikaricp.connections.active"), v -> String.format(Locale.UK, "%.0f", v)));
    }

    /** The GOV.UK tag colour: green when up and reporting, red when down, grey otherwise. */
    public String tagClass() {
        if (stale) {
            return "govuk-tag govuk-tag--grey";
        }
        return switch (status) {
            case "UP" -> "govuk-tag govuk-tag--green";
            case "DOWN", "OUT_OF_SERVICE" -> "govuk-tag govuk-tag--red";
            default -> "govuk-tag govuk-tag--grey";
        };
    }

    public String statusText() {
        return stale ? "Not reporting" : status;
    }

    private static String figure(Object value, DoubleFunction<String> format) {
        return value instanceof Number number ? format.apply(number.doubleValue()) : "–";
    }
}
