package uk.gov.digitalid.commons.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.search.Search;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import uk.gov.digitalid.commons.ServiceIdentity;
import uk.gov.digitalid.commons.events.CloudEventCodec;
import uk.gov.digitalid.commons.events.CloudEventSender;
import uk.gov.digitalid.commons.events.EventTypes;
import uk.gov.digitalid.commons.events.Topics;

/**
 * Every interval, publishes this instance's health and a few key gauges on {@code system-metrics}
 * (key = service), which the admin dashboard shows through fraud-analytics. Telemetry, not a
 * business fact: it is sent directly, not through the outbox, and a failed send is only logged.
 */
public class SystemMetricsReporter implements SmartLifecycle {

    /** Gauges reported when the service has them: heap, CPU, threads, uptime, DB pool. */
    static final List<String> GAUGES = List.of("jvm.memory.used", "jvm.threads.live", "process.cpu.usage",
            "system.cpu.usage", "process.uptime", "hikaricp.connections.active", "hikaricp.connections.pending");

    private static final Logger log = LoggerFactory.getLogger(SystemMetricsReporter.class);

    private final CloudEventSender sender;
    private final CloudEventCodec codec;
    private final MeterRegistry registry;
    private final Supplier<String> healthStatus;
    private final ServiceIdentity identity;
    private final Duration interval;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    public SystemMetricsReporter(CloudEventSender sender, CloudEventCodec codec, MeterRegistry registry,
                                 Supplier<String> healthStatus, ServiceIdentity identity, Duration interval, Clock clock) {
        this.sender = sender;
        this.codec = codec;
        this.registry = registry;
        this.healthStatus = healthStatus;
        this.identity = identity;
        this.interval = interval;
        this.clock = clock;
    }

    public SystemMetricsSnapshot snapshot() {
        Map<String, Double> gauges = new LinkedHashMap<>();
        for (String name : GAUGES) {
            double total = 0;
            boolean found = false;
            Search search = registry.find(name);
            if (name.equals("jvm.memory.used")) {
                search = search.tags(List.of(Tag.of("area", "heap")));
            }
            for (Gauge gauge : search.gauges()) {
                double value = gauge.value();
                if (!Double.isNaN(value)) {
                    total += value;
                    found = true;
                }
            }
            if (found) {
                gauges.put(name, total);
            }
        }
        return new SystemMetricsSnapshot(identity.service(), identity.env(), identity.instance(),
                healthStatus.get(), clock.instant(), gauges);
    }

    public void report() {
        try {
            SystemMetricsSnapshot snapshot = snapshot();
            sender.send(Topics.SYSTEM_METRICS, identity.service(),
                            codec.create(EventTypes.SYSTEM_METRICS_REPORTED, identity.instance(), snapshot))
                    .whenComplete((result, error) -> {
                        if (error != null) {
                            log.warn("system-metrics snapshot not sent: {}", error.getMessage());
                        }
                    });
        } catch (RuntimeException e) {
            log.warn("system-metrics snapshot not taken: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void start() {
        if (scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "system-metrics");
                thread.setDaemon(true);
                return thread;
            });
            scheduler.scheduleWithFixedDelay(this::report, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
