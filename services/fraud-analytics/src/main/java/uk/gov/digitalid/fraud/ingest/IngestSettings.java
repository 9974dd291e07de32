package uk.gov.digitalid.fraud.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code fraud.ingest.concurrency}: consumer threads (partitions consumed in parallel) per instance. */
@ConfigurationProperties("fraud.ingest")
public record IngestSettings(int concurrency) {
}
