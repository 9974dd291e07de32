package uk.gov.digitalid.commons.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import uk.gov.digitalid.commons.events.CloudEventSender;

/**
 * Publishes committed outbox rows to Kafka, oldest first, and marks them sent in the same
 * transaction that read them. One instance per schema relays at a time (a transaction-scoped
 * advisory lock), so events of one key reach their partition in the order they were written.
 *
 * <p>Delivery is at least once: if the relay dies after Kafka accepted part of a batch but before
 * the batch was marked, the next run sends those rows again. Consumers drop the repeats by event
 * id ({@code ProcessedEvents}), which makes the effect exactly once.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final CloudEventSender sender;
    private final OutboxProperties properties;
    private final JsonMapper json;
    private final Clock clock;
    private volatile Thread worker;
    private volatile boolean running;

    public OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, CloudEventSender sender,
                       OutboxProperties properties, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.sender = sender;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    private record Row(long id, String topic, String key, byte[] payload, String headers) {
    }

    /**
     * Relays one batch. Returns how many rows were sent and marked: 0 when the outbox is empty or
     * another instance holds the relay lock. Throws, leaving every row of the batch unmarked, when
     * Kafka does not acknowledge all of them in time.
     */
    public int relayBatch() {
        Integer relayed = transactions.execute(status -> {
            Boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(hashtext(current_schema() || '.outbox_relay'))")
                    .query(Boolean.class).single();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            List<Row> rows = jdbc.sql("""
                            select id, topic, event_key, payload, headers::text
                            from outbox_events where sent_at is null order by id limit :limit""")
                    .param("limit", properties.batchSize())
                    .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4), rs.getString(5)))
                    .list();
            if (rows.isEmpty()) {
                return 0;
            }
            send(rows);
            jdbc.sql("update outbox_events set sent_at = :now where id in (:ids)")
                    .param("now", now())
                    .param("ids", rows.stream().map(Row::id).toList())
                    .update();
            return rows.size();
        });
        return relayed == null ? 0 : relayed;
    }

    private void send(List<Row> rows) {
        List<CompletableFuture<?>> acks = new ArrayList<>(rows.size());
        for (Row row : rows) {
            acks.add(sender.send(row.topic(), row.key(), row.payload(), json.readValue(row.headers(), HEADERS)));
        }
        sender.flush();
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while Kafka acknowledged the outbox batch", e);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not acknowledge the outbox batch; it will be sent again", e);
        }
    }

    /** Deletes rows sent longer ago than the retention period. */
    public int deleteSentRows() {
        return jdbc.sql("delete from outbox_events where sent_at < :cutoff")
                .param("cutoff", now().minus(properties.retention()))
                .update();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private void runLoop() {
        Duration failureBackoff = properties.pollInterval();
        Instant nextCleanup = clock.instant();
        while (running) {
            try {
                int relayed = relayBatch();
                failureBackoff = properties.pollInterval();
                if (clock.instant().isAfter(nextCleanup)) {
                    deleteSentRows();
                    nextCleanup = clock.instant().plus(Duration.ofMinutes(10));
                }
                if (relayed < properties.batchSize()) {
                    pause(properties.pollInterval());
                }
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Outbox relay failed, retrying in {} ms: {}", failureBackoff.toMillis(), e.getMessage());
                pause(failureBackoff);
                failureBackoff = min(failureBackoff.multipliedBy(2), Duration.ofSeconds(30));
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public synchronized void start() {
        if (running || !properties.enabled()) {
            return;
        }
        running = true;
        worker = new Thread(this::runLoop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        Thread current = worker;
        if (current != null) {
            current.interrupt();
            try {
                current.join(properties.sendTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        worker = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
