package uk.gov.digitalid.commons.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled      run the relay in this instance
 * @param batchSize    rows relayed per transaction
 * @param pollInterval pause when the outbox is drained
 * @param sendTimeout  how long a batch waits for Kafka acknowledgements before it is retried
 * @param retention    how long sent rows are kept before they are deleted
 */
@ConfigurationProperties("digitalid.outbox")
public record OutboxProperties(Boolean enabled, Integer batchSize, Duration pollInterval, Duration sendTimeout, Duration retention) {

    public OutboxProperties {
        enabled = enabled == null || enabled;
        batchSize = batchSize == null ? 200 : batchSize;
        pollInterval = pollInterval == null ? Duration.ofMillis(200) : pollInterval;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(30) : sendTimeout;
        retention = retention == null ? Duration.ofDays(7) : retention;
        if (batchSize < 1) {
            throw new IllegalArgumentException("digitalid.outbox.batch-size must be at least 1");
        }
    }
}
