package uk.gov.digitalid.gateway.sessions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Failed sign-ins counted per account and per client address in Redis, shared by all instances:
 * after a few free failures each further attempt on the account must wait 2^(n - free) seconds
 * (capped); the address is stopped for the rest of the window past its threshold.
 */
public class SignInThrottle {

    private static final String ACCOUNT_FAILURES = "gateway:sign-in:failures:account:";
    private static final String IP_FAILURES = "gateway:sign-in:failures:ip:";
    private static final String NOT_BEFORE = "gateway:sign-in:not-before:";

    private final StringRedisTemplate redis;
    private final SignInProperties properties;
    private final Clock clock;

    public SignInThrottle(StringRedisTemplate redis, SignInProperties properties, Clock clock) {
        this.redis = redis;
        this.properties = properties;
        this.clock = clock;
    }

    /** How long this address must wait, if it is over its limit. */
    public Optional<Duration> addressWait(String clientIp) {
        String failures = redis.opsForValue().get(IP_FAILURES + clientIp);
        if (failures != null && Long.parseLong(failures) >= properties.perIpThreshold()) {
            Long ttl = redis.getExpire(IP_FAILURES + clientIp);
            return Optional.of(Duration.ofSeconds(ttl == null || ttl < 1 ? 1 : ttl));
        }
        return Optional.empty();
    }

    /** How long the next attempt on this account must wait, if it came too soon after failures. */
    public Optional<Duration> accountWait(UUID accountId) {
        String notBefore = redis.opsForValue().get(NOT_BEFORE + accountId);
        if (notBefore == null) {
            return Optional.empty();
        }
        Duration wait = Duration.between(clock.instant(), Instant.ofEpochMilli(Long.parseLong(notBefore)));
        return wait.isNegative() || wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    /** Counts a failure for the address only (the email matched no account). */
    public void addressFailed(String clientIp) {
        count(IP_FAILURES + clientIp);
    }

    /** Counts a failure for the account and the address; returns the account's failures in the window. */
    public long accountFailed(UUID accountId, String clientIp) {
        addressFailed(clientIp);
        long failures = count(ACCOUNT_FAILURES + accountId);
        if (failures > properties.freeFailures()) {
            long exponent = Math.min(failures - properties.freeFailures(), 20);
            Duration delay = Duration.ofSeconds(1L << exponent);
            if (delay.compareTo(properties.maxDelay()) > 0) {
                delay = properties.maxDelay();
            }
            redis.opsForValue().set(NOT_BEFORE + accountId, Long.toString(clock.instant().plus(delay).toEpochMilli()), delay);
        }
        return failures;
    }

    /** A successful sign-in or an unlock clears the account's history. */
    public void reset(UUID accountId) {
        redis.delete(ACCOUNT_FAILURES + accountId);
        redis.delete(NOT_BEFORE + accountId);
    }

    private long count(String key) {
        Long count = redis.opsForValue().increment(key);
        if (count != null && count == 1) {
            redis.expire(key, properties.failureWindow());
        }
        return count == null ? 0 : count;
    }
}
