package uk.gov.digitalid.fraud.alerts;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** A fraud alert as the admin dashboard sees it. */
public record Alert(UUID id, String subject, String rule, String severity, double score, String status, String eventId,
                    Map<String, Object> details, OffsetDateTime createdAt, String acknowledgedBy, OffsetDateTime acknowledgedAt,
                    String resolvedBy, OffsetDateTime resolvedAt, String resolution) {
}
