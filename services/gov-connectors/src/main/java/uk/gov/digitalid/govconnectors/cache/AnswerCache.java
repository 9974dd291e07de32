package uk.gov.digitalid.govconnectors.cache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Positive upstream answers in Redis for {@code gov-connectors.cache.ttl}. Keys are
 * {@code gov-connectors:answers:<kind>:<HMAC-SHA256 of the request>}, so no NINO, name or licence
 * number is ever a Redis key, and without the secret the keys cannot be brute-forced back to people.
 * Redis being down only costs the cache: lookups miss and writes are skipped.
 */
@Component
public class AnswerCache {

    private static final Logger log = LoggerFactory.getLogger(AnswerCache.class);

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final CacheProperties properties;
    private final SecretKeySpec key;
    private final MeterRegistry meters;

    AnswerCache(StringRedisTemplate redis, JsonMapper json, CacheProperties properties, MeterRegistry meters) {
        this.redis = redis;
        this.json = json;
        this.properties = properties;
        this.meters = meters;
        byte[] secret;
        if (properties.keySecret() == null || properties.keySecret().isBlank()) {
            log.warn("gov-connectors.cache.key-secret is not set: using a random key, so instances do not share cached answers");
            secret = new byte[32];
            new SecureRandom().nextBytes(secret);
        } else {
            secret = properties.keySecret().getBytes(StandardCharsets.UTF_8);
        }
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    public <T> Optional<T> get(String kind, Class<T> type, String... request) {
        try {
            String cached = redis.opsForValue().get(key(kind, request));
            count(kind, cached == null ? "miss" : "hit");
            return cached == null ? Optional.empty() : Optional.of(json.readValue(cached, type));
        } catch (DataAccessException e) {
            count(kind, "error");
            log.debug("Cache read failed, calling upstream: {}", e.toString());
            return Optional.empty();
        }
    }

    /** Only for positive answers: a refusal or failure must be asked again next time. */
    public void putPositive(String kind, Object answer, String... request) {
        try {
            redis.opsForValue().set(key(kind, request), json.writeValueAsString(answer), properties.ttl());
        } catch (DataAccessException e) {
            count(kind, "error");
            log.debug("Cache write skipped: {}", e.toString());
        }
    }

    String key(String kind, String... request) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(kind.getBytes(StandardCharsets.UTF_8));
            for (String part : request) {
                mac.update((byte) 0);
                mac.update(part.getBytes(StandardCharsets.UTF_8));
            }
            return "gov-connectors:answers:" + kind + ":" + HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private void count(String kind, String outcome) {
        Counter.builder("gov_connectors.cache.lookups").tag("kind", kind).tag("outcome", outcome).register(meters).increment();
    }
}
