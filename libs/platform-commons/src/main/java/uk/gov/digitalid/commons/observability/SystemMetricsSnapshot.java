package uk.gov.digitalid.commons.observability;

import java.time.Instant;
import java.util.Map;

/**
 * The data of a {@code uk.gov.digitalid.system.metrics-reported} event on {@code system-metrics}.
 *
 * @param status health status of the instance (UP, DOWN, OUT_OF_SERVICE, UNKNOWN)
 * @param gauges a few key figures by metric name; a metric the service lacks is absent
 */
public record SystemMetricsSnapshot(String service, String env, String instance, String status,
                                    Instant takenAt, Map<String, Double> gauges) {
}
