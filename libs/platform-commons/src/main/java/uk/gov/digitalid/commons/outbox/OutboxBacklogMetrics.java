package uk.gov.digitalid.commons.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How far the outbox is behind: {@code digitalid.outbox.pending} (rows not yet on Kafka) and
 * {@code digitalid.outbox.oldest.pending.age} (seconds the oldest of them has waited). Read at
 * scrape time from the partial index on unsent rows, so it costs nothing while the relay keeps up.
 */
public class OutboxBacklogMetrics implements MeterBinder {

    private final JdbcClient jdbc;
    private final Clock clock;

    public OutboxBacklogMetrics(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("digitalid.outbox.pending", this, OutboxBacklogMetrics::pending)
                .description("Outbox events written but not yet sent to Kafka").register(registry);
        Gauge.builder("digitalid.outbox.oldest.pending.age", this, OutboxBacklogMetrics::oldestPendingAgeSeconds)
                .description("Seconds the oldest unsent outbox event has waited").baseUnit("seconds").register(registry);
    }

    double pending() {
        return jdbc.sql("select count(*) from outbox_events where sent_at is null").query(Long.class).single();
    }

    double oldestPendingAgeSeconds() {
        OffsetDateTime oldest = jdbc.sql("select min(created_at) from outbox_events where sent_at is null")
                .query(OffsetDateTime.class).optional().orElse(null);
        return oldest == null ? 0 : Math.max(0, clock.instant().getEpochSecond() - oldest.toInstant().getEpochSecond());
    }
}
