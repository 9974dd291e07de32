package uk.gov.digitalid.commons.events;

/** Kafka topics of the platform. */
public final class Topics {

    /** Every audit event; key = subject id, so one citizen's events stay ordered. */
    public static final String AUDIT_LOGS = "audit-logs";
    /** Audit events a consumer could not process, with the reason in headers. */
    public static final String AUDIT_LOGS_DLQ = "audit-logs.dlq";
    public static final String FRAUD_ALERTS = "fraud-alerts";
    /** Periodic snapshots of each service instance's health and key gauges; key = service. */
    public static final String SYSTEM_METRICS = "system-metrics";

    private Topics() {
    }
}
