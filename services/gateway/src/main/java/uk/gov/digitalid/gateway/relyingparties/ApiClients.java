package uk.gov.digitalid.gateway.relyingparties;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.gov.digitalid.commons.security.Digests;

/**
 * Relying parties' API keys: {@code <client id>.<secret>}, the secret 256 random bits, stored only as
 * its SHA-256 and compared in constant time. A key is shown once, when it is created.
 */
public class ApiClients {

    private static final String PREFIX = "rp_";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Cache<String, String> recentlyAuthenticated = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(1)).build();

    public ApiClients(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Creates a client; the returned key is the only copy of its secret. */
    public String create(String name) {
        String id = PREFIX + token(9);
        String secret = token(32);
        jdbc.sql("insert into api_clients (id, name, secret_sha256, created_at) values (:id, :name, :hash, :now)")
                .param("id", id).param("name", name).param("hash", Digests.sha256Hex(secret))
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update();
        return id + "." + secret;
    }

    /**
     * The client id a presented key belongs to, if the key is genuine and the client enabled. Genuine
     * keys are remembered (by their hash) for a minute, so a disabled client is refused within a minute.
     */
    public Optional<String> authenticate(String key) {
        if (key == null || key.length() > 200) {
            return Optional.empty();
        }
        String keyHash = Digests.sha256Hex(key);
        String remembered = recentlyAuthenticated.getIfPresent(keyHash);
        if (remembered != null) {
            return Optional.of(remembered);
        }
        Optional<String> client = lookUp(key);
        client.ifPresent(id -> recentlyAuthenticated.put(keyHash, id));
        return client;
    }

    private Optional<String> lookUp(String key) {
        int dot = key.indexOf('.');
        if (dot < 1) {
            return Optional.empty();
        }
        String id = key.substring(0, dot);
        byte[] presented = Digests.sha256Hex(key.substring(dot + 1)).getBytes(StandardCharsets.US_ASCII);
        return jdbc.sql("select secret_sha256 from api_clients where id = :id and not disabled").param("id", id)
                .query(String.class).optional()
                .filter(stored -> MessageDigest.isEqual(stored.getBytes(StandardCharsets.US_ASCII), presented))
                .map(stored -> id);
    }

    private String token(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

}
