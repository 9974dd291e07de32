package uk.gov.digitalid.govsandbox.faults;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * Fault knobs and call counts per simulated API. A fault adds latency to every call and answers the
 * next {@code count} calls (or all, when count is negative) with the given HTTP status instead of the
 * real answer. Counts let tests see how often gov-connectors really called.
 */
@Component
public class Faults {

    public record Fault(Duration latency, int status, int count) {

        public static final Fault NONE = new Fault(Duration.ZERO, 0, 0);
    }

    private final Map<Upstream, Fault> faults = new EnumMap<>(Upstream.class);
    private final Map<Upstream, AtomicLong> calls = new EnumMap<>(Upstream.class);

    public Faults() {
        reset();
    }

    public synchronized void set(Upstream upstream, Fault fault) {
        faults.put(upstream, fault);
    }

    public synchronized void reset() {
        for (Upstream upstream : Upstream.values()) {
            faults.put(upstream, Fault.NONE);
            calls.put(upstream, new AtomicLong());
        }
    }

    public synchronized Map<String, Long> calls() {
        Map<String, Long> counts = new TreeMap<>();
        calls.forEach((upstream, count) -> counts.put(upstream.id(), count.get()));
        return counts;
    }

    /**
     * Counts the call, waits the configured latency and tells whether to fail it.
     *
     * @return the status to fail with, if this call should fail
     */
    public Optional<Integer> onCall(Upstream upstream) throws InterruptedException {
        Fault fault;
        boolean fail;
        synchronized (this) {
            calls.get(upstream).incrementAndGet();
            fault = faults.get(upstream);
            fail = fault.status() != 0 && fault.count() != 0;
            if (fail && fault.count() > 0) {
                faults.put(upstream, new Fault(fault.latency(), fault.status(), fault.count() - 1));
            }
        }
        if (!fault.latency().isZero()) {
            Thread.sleep(fault.latency().toMillis());
        }
        return fail ? Optional.of(fault.status()) : Optional.empty();
    }
}
