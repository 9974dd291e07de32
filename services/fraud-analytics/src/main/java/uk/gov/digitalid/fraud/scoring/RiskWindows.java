package uk.gov.digitalid.fraud.scoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Sliding windows in Redis, kept as time buckets ({@code fraud-analytics:{w}:<signal>:<entity>:<bucket>})
 * that expire after the window. A whole batch is one call of {@code window-record.lua}: each
 * observation is added to its current bucket and its window read, in event order, so each count
 * includes the events before it. One round trip and one command per batch (per-command client work
 * was a third of the CPU when measured); the shared {@code {w}} hash tag keeps every window key in
 * one slot, so the multi-key script also runs on Redis Cluster.
 */
@Component
public class RiskWindows {

    private static final String SCRIPT = read("scripts/window-record.lua");

    private final StringRedisTemplate redis;
    private final RuleSettings rules;
    private volatile byte[] scriptSha;

    RiskWindows(StringRedisTemplate redis, RuleSettings rules) {
        this.redis = redis;
        this.rules = rules;
    }

    /** Records each observation and returns its window's count (distinct members for distinct signals) at that moment. */
    public List<Long> record(List<Observation> observations) {
        if (observations.isEmpty()) {
            return List.of();
        }
        try {
            return run(observations);
        } catch (DataAccessException e) {
            if (String.valueOf(e.getMostSpecificCause().getMessage()).contains("NOSCRIPT")) {
                // Redis restarted or was flushed since the script was loaded: nothing in the pipeline ran.
                scriptSha = null;
                return run(observations);
            }
            throw e;
        }
    }

    private List<Long> run(List<Observation> observations) {
        List<byte[]> keys = new ArrayList<>();
        List<byte[]> args = new ArrayList<>();
        for (Observation observation : observations) {
            describe(observation, keys, args);
        }
        byte[][] keysAndArgs = new byte[keys.size() + args.size()][];
        int i = 0;
        for (byte[] key : keys) {
            keysAndArgs[i++] = key;
        }
        for (byte[] arg : args) {
            keysAndArgs[i++] = arg;
        }
        byte[] sha = sha();
        List<?> results = redis.execute((RedisCallback<List<?>>) connection ->
                connection.scriptingCommands().evalSha(sha, ReturnType.MULTI, keys.size(), keysAndArgs));
        List<Long> counts = new ArrayList<>(observations.size());
        for (Object result : results) {
            counts.add((Long) result);
        }
        return counts;
    }

    private byte[] sha() {
        byte[] sha = scriptSha;
        if (sha == null) {
            String loaded = redis.execute((RedisCallback<String>) connection -> connection.scriptingCommands().scriptLoad(bytes(SCRIPT)));
            sha = bytes(loaded);
            scriptSha = sha;
        }
        return sha;
    }

    private void describe(Observation observation, List<byte[]> keys, List<byte[]> args) {
        Signal signal = observation.signal();
        Duration window = rules.windowOf(signal);
        long bucketMillis = signal.bucket().toMillis();
        long current = observation.at().toEpochMilli() / bucketMillis;
        int buckets = (int) Math.max(1, (window.toMillis() + bucketMillis - 1) / bucketMillis);
        String prefix = "fraud-analytics:{w}:" + signal.key() + ":" + observation.entity() + ":";
        for (int i = 0; i < buckets; i++) {
            keys.add(bytes(prefix + (current - i)));
        }
        args.add(bytes(Integer.toString(buckets)));
        args.add(bytes(Long.toString(window.plus(signal.bucket()).toSeconds())));
        args.add(bytes(signal.distinct() ? "distinct" : "count"));
        args.add(bytes(observation.member() == null ? "" : observation.member()));
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static String read(String resource) {
        try {
            return new ClassPathResource(resource).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
