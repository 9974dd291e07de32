package uk.gov.digitalid.gateway.admin;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.gov.digitalid.commons.events.EventTypes;
import uk.gov.digitalid.commons.outbox.AuditEvents;
import uk.gov.digitalid.gateway.upstreams.FraudAnalyticsClient;
import uk.gov.digitalid.gateway.upstreams.IdentityCoreClient;

/**
 * The alert queue, audit trails, chain check and system health from fraud-analytics, and credential
 * revocation through identity-core, for operators. The acting operator is named to fraud-analytics and
 * in an audit event for every action.
 */
@RestController
@Validated
class AdminFraudController {

    record Note(@Size(max = 2000) String note) {
    }

    private final FraudAnalyticsClient fraud;
    private final IdentityCoreClient identityCore;
    private final AuditEvents audit;

    AdminFraudController(FraudAnalyticsClient fraud, IdentityCoreClient identityCore, AuditEvents audit) {
        this.fraud = fraud;
        this.identityCore = identityCore;
        this.audit = audit;
    }

    @GetMapping("/api/v1/admin/alerts")
    List<Map<String, Object>> alerts(@RequestParam(required = false) @Pattern(regexp = "OPEN|ACKNOWLEDGED|RESOLVED") String status,
                                     @RequestParam(required = false) @Pattern(regexp = "HIGH|CRITICAL") String severity,
                                     @RequestParam(required = false) @Size(max = 200) String subject,
                                     @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return fraud.alerts(status, severity, subject, limit);
    }

    @GetMapping("/api/v1/admin/alerts/{id}")
    Map<String, Object> alert(@PathVariable UUID id) {
        return fraud.alert(id);
    }

    @PostMapping("/api/v1/admin/alerts/{id}/acknowledge")
    Map<String, Object> acknowledge(@PathVariable UUID id, @Valid @RequestBody Note note,
                                    @RequestAttribute(AdminAuthentication.ATTRIBUTE) OperatorSession operator) {
        Map<String, Object> alert = fraud.acknowledge(id, operator.email(), note.note());
        audit.record(EventTypes.FRAUD_ALERT_ACKNOWLEDGED, String.valueOf(alert.get("subject")), action(id, operator, note));
        return alert;
    }

    @PostMapping("/api/v1/admin/alerts/{id}/resolve")
    Map<String, Object> resolve(@PathVariable UUID id, @Valid @RequestBody Note note,
                                @RequestAttribute(AdminAuthentication.ATTRIBUTE) OperatorSession operator) {
        Map<String, Object> alert = fraud.resolve(id, operator.email(), note.note());
        audit.record(EventTypes.FRAUD_ALERT_RESOLVED, String.valueOf(alert.get("subject")), action(id, operator, note));
        return alert;
    }

    @GetMapping("/api/v1/admin/audit-trail/{subject}")
    Map<String, Object> auditTrail(@PathVariable @Pattern(regexp = "[A-Za-z0-9._:@-]{1,200}") String subject) {
        return fraud.auditTrail(subject);
    }

    @GetMapping("/api/v1/admin/audit-log/verification")
    Map<String, Object> chain() {
        return fraud.chainVerification();
    }

    @GetMapping("/api/v1/admin/system-health")
    List<Map<String, Object>> systemHealth() {
        return fraud.systemMetrics();
    }

    @PostMapping("/api/v1/admin/credentials/{id}/revoke")
    Map<String, Object> revoke(@PathVariable UUID id, @Valid @RequestBody Note note,
                               @RequestAttribute(AdminAuthentication.ATTRIBUTE) OperatorSession operator) {
        Map<String, Object> credential = identityCore.find(id).orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND,
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such credential."), null));
        Map<String, Object> revoked = identityCore.revoke(id);
        Map<String, Object> data = action(id, operator, note);
        audit.record(EventTypes.CREDENTIAL_REVOCATION_REQUESTED, String.valueOf(credential.get("subjectId")), data);
        return revoked;
    }

    private static Map<String, Object> action(UUID id, OperatorSession operator, Note note) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id.toString());
        data.put("operator", operator.email());
        data.put("operatorId", operator.operatorId().toString());
        if (note.note() != null) {
            data.put("note", note.note());
        }
        return data;
    }
}
