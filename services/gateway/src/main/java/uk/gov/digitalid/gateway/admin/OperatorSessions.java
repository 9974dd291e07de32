package uk.gov.digitalid.gateway.admin;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;
import uk.gov.digitalid.commons.security.Digests;

/**
 * Operator sessions: 256-bit random tokens, kept in Redis under their SHA-256 with a sliding idle
 * timeout and an absolute end ({@code gateway.operators.*}). Separate from citizens' sessions, so a
 * citizen's token can never pass for an operator's.
 */
public class OperatorSessions {

    private static final String KEY = "gateway:operator-session:";

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final OperatorProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public OperatorSessions(StringRedisTemplate redis, JsonMapper json, OperatorProperties properties, Clock clock) {
        this.redis = redis;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    public String create(Operator operator) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        OperatorSession session = new OperatorSession(UUID.randomUUID(), operator.id(), operator.email(), operator.role(), now,
                now.plus(properties.absoluteTimeout()));
        redis.opsForValue().set(KEY + Digests.sha256Hex(token), json.writeValueAsString(session), properties.idleTimeout());
        return token;
    }

    public Optional<OperatorSession> find(String token) {
        String key = KEY + Digests.sha256Hex(token);
        String stored = redis.opsForValue().get(key);
        if (stored == null) {
            return Optional.empty();
        }
        OperatorSession session = json.readValue(stored, OperatorSession.class);
        Instant now = clock.instant();
        if (!session.expiresAt().isAfter(now)) {
            redis.delete(key);
            return Optional.empty();
        }
        Duration remaining = Duration.between(now, session.expiresAt());
        redis.expire(key, remaining.compareTo(properties.idleTimeout()) < 0 ? remaining : properties.idleTimeout());
        return Optional.of(session);
    }

    public void end(String token) {
        redis.delete(KEY + Digests.sha256Hex(token));
    }
}
