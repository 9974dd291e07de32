package uk.gov.digitalid.fraud.systemmetrics;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /v1/system-metrics}: the newest snapshot of each service (from its most recently reporting instance). */
@RestController
class SystemMetricsController {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    SystemMetricsController(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @GetMapping("/v1/system-metrics")
    List<Map<String, Object>> latest() {
        return jdbc.sql("""
                        select distinct on (service) service, instance, reported_at, snapshot::text as snapshot
                        from service_snapshots order by service, reported_at desc""")
                .query((rs, n) -> Map.<String, Object>of("service", rs.getString("service"), "instance", rs.getString("instance"),
                        "reportedAt", rs.getTimestamp("reported_at").toInstant().toString(),
                        "snapshot", json.readValue(rs.getString("snapshot"), Map.class)))
                .list();
    }
}
