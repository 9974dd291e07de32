package uk.gov.digitalid.fraud.scoring;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Sliding windows in Redis, kept as time buckets ({@code fraud-analytics:w:<signal>:<entity>:<bucket>})
 * that expire after the window. Recording an observation and reading its window are one pipelined
 * round trip for a whole batch, in event order, so each count includes the events before it.
 */
@Component
public class RiskWindows {

    private final StringRedisTemplate redis;
    private final RuleSettings rules;

    RiskWindows(StringRedisTemplate redis, RuleSettings rules) {
        this.redis = redis;
        this.rules = rules;
    }

    /** Records each observation and returns its window's count (distinct members for distinct signals) at that moment. */
    public List<Long> record(List<Observation> observations) {
        if (observations.isEmpty()) {
            return List.of();
        }
        List<Object> results = redis.executePipelined((RedisCallback<Object>) connection -> {
            for (Observation observation : observations) {
                queue(connection, observation);
            }
            return null;
        });
        List<Long> counts = new ArrayList<>(observations.size());
        int index = 0;
        for (Observation observation : observations) {
            index += 2; // the add and the expire
            Object read = results.get(index++);
            counts.add(observation.signal().distinct() ? (Long) read : sum((List<?>) read));
        }
        return counts;
    }

    private void queue(RedisConnection connection, Observation observation) {
        Signal signal = observation.signal();
        Duration window = rules.windowOf(signal);
        long bucketMillis = signal.bucket().toMillis();
        long current = observation.at().toEpochMilli() / bucketMillis;
        long buckets = Math.max(1, (window.toMillis() + bucketMillis - 1) / bucketMillis);
        byte[] currentKey = key(signal, observation.entity(), current);
        if (signal.distinct()) {
            connection.hyperLogLogCommands().pfAdd(currentKey, bytes(observation.member()));
        } else {
            connection.stringCommands().incr(currentKey);
        }
        connection.keyCommands().expire(currentKey, window.plus(signal.bucket()).toSeconds());
        byte[][] keys = new byte[(int) buckets][];
        for (int i = 0; i < buckets; i++) {
            keys[i] = key(signal, observation.entity(), current - i);
        }
        if (signal.distinct()) {
            connection.hyperLogLogCommands().pfCount(keys);
        } else {
            connection.stringCommands().mGet(keys);
        }
    }

    private static long sum(List<?> values) {
        long total = 0;
        for (Object value : values) {
            if (value != null) {
                total += Long.parseLong(value.toString());
            }
        }
        return total;
    }

    private static byte[] key(Signal signal, String entity, long bucket) {
        return bytes("fraud-analytics:w:" + signal.key() + ":" + entity + ":" + bucket);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
