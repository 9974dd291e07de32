package uk.gov.digitalid.gateway.ratelimits;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.bucket4j.redis.lettuce.cas.LettuceBasedProxyManager;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Token buckets in Redis (Bucket4j on Lettuce), shared by every gateway instance: a number of
 * calls per minute per key (a client address, an account, a relying party). Over the limit is a
 * 429 with Retry-After; Redis not answering is a 503, never an unlimited pass.
 */
public class RateLimits {

    private final LettuceConnectionFactory connections;
    private volatile StatefulRedisConnection<String, byte[]> connection;
    private volatile LettuceBasedProxyManager<String> buckets;
    /**
     * Proxies are kept per key so concurrent calls on one bucket are batched into one Redis round
     * trip instead of racing each other's compare-and-swap.
     */
    private final Cache<String, BucketProxy> proxies = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(2)).build();

    public RateLimits(LettuceConnectionFactory connections) {
        this.connections = connections;
    }

    /** Takes one call from the bucket {@code name:key}, refilled at {@code perMinute} a minute. */
    public void consume(String name, String key, long perMinute) {
        ConsumptionProbe probe;
        try {
            probe = proxies.get("gateway:rate:" + name + ":" + key, bucketKey -> buckets().builder()
                            .withOptimization(Optimizations.batching())
                            .build(bucketKey, () -> BucketConfiguration.builder()
                                    .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                                    .build()))
                    .tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException e) {
            reset();
            throw new RedisUnavailableException(e);
        }
        if (!probe.isConsumed()) {
            throw new TooManyAttemptsException(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    private LettuceBasedProxyManager<String> buckets() {
        LettuceBasedProxyManager<String> current = buckets;
        if (current == null) {
            synchronized (this) {
                if (buckets == null) {
                    RedisClient client = (RedisClient) connections.getNativeClient();
                    connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
                    buckets = Bucket4jLettuce.casBasedBuilder(connection)
                            .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(2)))
                            .build();
                }
                current = buckets;
            }
        }
        return current;
    }

    private synchronized void reset() {
        if (connection != null && !connection.isOpen()) {
            connection = null;
            buckets = null;
            proxies.invalidateAll();
        }
    }

    public synchronized void close() {
        if (connection != null) {
            connection.close();
        }
    }
}
