package uk.gov.digitalid.gateway.sessions;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;
import uk.gov.digitalid.commons.security.Digests;

/**
 * Sessions: opaque 256-bit random tokens, known only by their SHA-256. Redis holds live sessions
 * (sliding idle timeout as the key's TTL, shared by every gateway instance); the {@code sessions}
 * table keeps the record of each one and why it ended.
 */
public class SessionStore {

    /** How a session came to an end, as recorded in {@code sessions.end_reason}. */
    public enum EndReason { SIGNED_OUT, ACCOUNT_LOCKED, REVOKED, EXPIRED }

    private static final String SESSION_KEY = "gateway:session:";
    private static final String ACCOUNT_SESSIONS_KEY = "gateway:account-sessions:";

    private final StringRedisTemplate redis;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final SessionProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public SessionStore(StringRedisTemplate redis, JdbcClient jdbc, JsonMapper json, SessionProperties properties, Clock clock) {
        this.redis = redis;
        this.jdbc = jdbc;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    /** A new session; the returned token is shown to the citizen once and never stored. */
    public String create(UUID accountId, String clientIp) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String hash = Digests.sha256Hex(token);
        Instant now = clock.instant();
        Session session = new Session(UUID.randomUUID(), accountId, now, now.plus(properties.absoluteTimeout()));
        jdbc.sql("""
                        insert into sessions (id, user_id, token_sha256, created_at, expires_at, client_ip)
                        values (:id, :user, :hash, :created, :expires, :ip)""")
                .param("id", session.sessionId()).param("user", accountId).param("hash", hash)
                .param("created", utc(now)).param("expires", utc(session.expiresAt())).param("ip", clientIp).update();
        redis.opsForValue().set(SESSION_KEY + hash, json.writeValueAsString(session), properties.idleTimeout());
        redis.opsForSet().add(ACCOUNT_SESSIONS_KEY + accountId, hash);
        redis.expire(ACCOUNT_SESSIONS_KEY + accountId, properties.absoluteTimeout());
        return token;
    }

    /** The live session of a token, its idle timeout restarted; empty when unknown, idle too long or past its absolute end. */
    public Optional<Session> find(String token) {
        String hash = Digests.sha256Hex(token);
        String stored = redis.opsForValue().get(SESSION_KEY + hash);
        if (stored == null) {
            return Optional.empty();
        }
        Session session = json.readValue(stored, Session.class);
        Instant now = clock.instant();
        if (!session.expiresAt().isAfter(now)) {
            end(hash, session, EndReason.EXPIRED);
            return Optional.empty();
        }
        Duration remaining = Duration.between(now, session.expiresAt());
        redis.expire(SESSION_KEY + hash, remaining.compareTo(properties.idleTimeout()) < 0 ? remaining : properties.idleTimeout());
        return Optional.of(session);
    }

    public void end(String token, EndReason reason) {
        String hash = Digests.sha256Hex(token);
        String stored = redis.opsForValue().get(SESSION_KEY + hash);
        if (stored != null) {
            end(hash, json.readValue(stored, Session.class), reason);
        }
    }

    /** Ends every session of an account (on every instance: they share Redis); returns how many were live. */
    public int endAll(UUID accountId, EndReason reason) {
        Set<String> hashes = redis.opsForSet().members(ACCOUNT_SESSIONS_KEY + accountId);
        int ended = 0;
        if (hashes != null) {
            for (String hash : hashes) {
                ended += Boolean.TRUE.equals(redis.delete(SESSION_KEY + hash)) ? 1 : 0;
            }
        }
        redis.delete(ACCOUNT_SESSIONS_KEY + accountId);
        jdbc.sql("update sessions set ended_at = :now, end_reason = :reason where user_id = :user and ended_at is null")
                .param("now", utc(clock.instant())).param("reason", reason.name()).param("user", accountId).update();
        return ended;
    }

    /** Ends one session by id (a {@code session.revoked} sync message). */
    public void endById(UUID sessionId, EndReason reason) {
        jdbc.sql("select token_sha256, user_id from sessions where id = :id and ended_at is null").param("id", sessionId)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional()
                .ifPresent(row -> {
                    redis.delete(SESSION_KEY + row[0]);
                    redis.opsForSet().remove(ACCOUNT_SESSIONS_KEY + row[1], row[0]);
                    markEnded(sessionId, reason);
                });
    }

    private void end(String hash, Session session, EndReason reason) {
        redis.delete(SESSION_KEY + hash);
        redis.opsForSet().remove(ACCOUNT_SESSIONS_KEY + session.accountId(), hash);
        markEnded(session.sessionId(), reason);
    }

    private void markEnded(UUID sessionId, EndReason reason) {
        jdbc.sql("update sessions set ended_at = :now, end_reason = :reason where id = :id and ended_at is null")
                .param("now", utc(clock.instant())).param("reason", reason.name()).param("id", sessionId).update();
    }


    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
