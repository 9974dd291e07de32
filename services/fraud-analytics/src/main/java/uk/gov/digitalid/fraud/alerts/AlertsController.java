package uk.gov.digitalid.fraud.alerts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The alert queue for the admin dashboard (through the gateway): list and filter, acknowledge,
 * resolve (the operator is named on each), and a risk summary per account.
 */
@RestController
@Validated
class AlertsController {

    record OperatorAction(@NotBlank @Size(max = 200) String operator, @Size(max = 2000) String note) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AlertsController(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @GetMapping("/v1/alerts")
    List<Alert> list(@RequestParam(required = false) @Pattern(regexp = "OPEN|ACKNOWLEDGED|RESOLVED") String status,
                     @RequestParam(required = false) @Pattern(regexp = "HIGH|CRITICAL") String severity,
                     @RequestParam(required = false) @Size(max = 200) String subject,
                     @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return jdbc.sql("""
                        select * from alerts
                        where (cast(:status as text) is null or status = :status)
                          and (cast(:severity as text) is null or severity = :severity)
                          and (cast(:subject as text) is null or subject = :subject)
                        order by created_at desc limit :limit""")
                .param("status", status).param("severity", severity).param("subject", subject).param("limit", limit)
                .query(this::alert).list();
    }

    @GetMapping("/v1/alerts/{id}")
    Alert one(@PathVariable UUID id) {
        return find(id);
    }

    @PostMapping("/v1/alerts/{id}/acknowledge")
    Alert acknowledge(@PathVariable UUID id, @Valid @RequestBody OperatorAction action) {
        return transition(id, """
                update alerts set status = 'ACKNOWLEDGED', acknowledged_by = :operator, acknowledged_at = :now
                where id = :id and status = 'OPEN'""", action);
    }

    @PostMapping("/v1/alerts/{id}/resolve")
    Alert resolve(@PathVariable UUID id, @Valid @RequestBody OperatorAction action) {
        return transition(id, """
                update alerts set status = 'RESOLVED', resolved_by = :operator, resolved_at = :now, resolution = :note
                where id = :id and status <> 'RESOLVED'""", action);
    }

    @GetMapping("/v1/accounts/{accountId}/risk")
    Map<String, Object> risk(@PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,64}") String accountId) {
        List<Alert> alerts = jdbc.sql("select * from alerts where subject = :subject order by created_at desc limit 20")
                .param("subject", accountId).query(this::alert).list();
        long open = alerts.stream().filter(a -> !"RESOLVED".equals(a.status())).count();
        double highest = alerts.stream().filter(a -> !"RESOLVED".equals(a.status())).mapToDouble(Alert::score).max().orElse(0);
        long events = jdbc.sql("select count(*) from audit_logs where subject = :subject").param("subject", accountId).query(Long.class).single();
        return Map.of("accountId", accountId, "openAlerts", open, "highestOpenScore", highest, "auditEvents", events, "recentAlerts", alerts);
    }

    private Alert transition(UUID id, String sql, OperatorAction action) {
        int changed = jdbc.sql(sql).param("id", id).param("operator", action.operator()).param("note", action.note())
                .param("now", OffsetDateTime.now(ZoneOffset.UTC)).update();
        Alert alert = find(id);
        if (changed == 0) {
            throw new ErrorResponseException(HttpStatus.CONFLICT,
                    ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "The alert is " + alert.status() + "; that action does not apply."), null);
        }
        return alert;
    }

    private Alert find(UUID id) {
        return jdbc.sql("select * from alerts where id = :id").param("id", id).query(this::alert).optional()
                .orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such alert."), null));
    }

    private Alert alert(ResultSet rs, int row) throws SQLException {
        return new Alert(rs.getObject("id", UUID.class), rs.getString("subject"), rs.getString("rule"), rs.getString("severity"),
                rs.getDouble("score"), rs.getString("status"), rs.getString("event_id"), json.readValue(rs.getString("details"), Map.class),
                rs.getObject("created_at", OffsetDateTime.class), rs.getString("acknowledged_by"), rs.getObject("acknowledged_at", OffsetDateTime.class),
                rs.getString("resolved_by"), rs.getObject("resolved_at", OffsetDateTime.class), rs.getString("resolution"));
    }
}
