package uk.gov.digitalid.fraud.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code fraud.ingest.concurrency}: consumer threads (partitions consumed in parallel) per instance;
 * {@code fraud.ingest.auto-startup}: whether consuming starts with the application (benchmarks start it by hand).
 */
@ConfigurationProperties("fraud.ingest")
public record IngestSettings(@DefaultValue("1") int concurrency, @DefaultValue("true") boolean autoStartup) {
}
