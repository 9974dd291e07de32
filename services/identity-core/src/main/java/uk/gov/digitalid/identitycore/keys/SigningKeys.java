package uk.gov.digitalid.identitycore.keys;

import com.nimbusds.jose.jwk.JWK;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The key ring: private keys from the mounted directory, their public metadata in
 * {@code signing_keys}, which one signs, and which stay published for verification.
 *
 * <p>Only the {@code dev} and {@code local} profiles may generate a key when none is mounted; any
 * other start without a key fails. Several instances share the database state and reload it when
 * another instance rotates ({@code signing-keys.rotated} on {@code digital-id.sync}).
 */
public class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private record Ring(PrivateSigningKey active, Map<String, PublishedKey> keys) {
    }

    private final SigningKeyProperties properties;
    private final boolean generationAllowed;
    private final Duration maxValidity;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private volatile Ring ring;
    /** Set when a reload failed (e.g. the new key is not mounted here yet); retried from {@link #active()}. */
    private volatile Instant reloadPendingSince;
    private volatile Instant lastReloadAttempt = Instant.EPOCH;

    public SigningKeys(SigningKeyProperties properties, boolean generationAllowed, Duration maxValidity,
                       JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.properties = properties;
        this.generationAllowed = generationAllowed;
        this.maxValidity = maxValidity;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Reads the mounted keys and the database state; run at start and when another instance rotated. */
    public synchronized void load() {
        Map<String, PrivateSigningKey> files = mountedKeys();
        transactions.executeWithoutResult(tx -> {
            lock();
            for (PrivateSigningKey key : files.values()) {
                jdbc.sql("""
                                insert into signing_keys (kid, algorithm, public_jwk, status, created_at)
                                values (:kid, :algorithm, :jwk, 'AVAILABLE', :now) on conflict (kid) do nothing""")
                        .param("kid", key.kid()).param("algorithm", key.algorithm().name())
                        .param("jwk", key.publicJwk().toJSONString()).param("now", now())
                        .update();
            }
            boolean hasActive = jdbc.sql("select count(*) from signing_keys where status = 'ACTIVE'").query(Long.class).single() > 0;
            if (!hasActive) {
                String first = newestAvailable(files).orElseThrow(() -> new IllegalStateException(
                        "No usable signing key in " + properties.directory() + ": every mounted key is retired"));
                activate(first);
                log.info("Signing key {} is active (first start)", first);
            }
        });
        ring = readRing(files);
    }

    public PrivateSigningKey active() {
        if (reloadPendingSince != null) {
            retryReload();
        }
        return ring.active();
    }

    /**
     * Reloads after another instance rotated. If that fails (in a cluster the new key may reach this
     * pod's mounted Secret a little later), the current ring stays in use, and signing retries the
     * reload every few seconds until it succeeds.
     */
    public void reloadAfterRotation() {
        try {
            load();
            reloadPendingSince = null;
        } catch (RuntimeException e) {
            if (reloadPendingSince == null) {
                reloadPendingSince = clock.instant();
            }
            log.warn("Signing keys not reloaded after a rotation, still signing with {}: {}", ring.active().kid(), e.getMessage());
        }
    }

    private void retryReload() {
        Instant now = clock.instant();
        if (now.isAfter(lastReloadAttempt.plusSeconds(5))) {
            lastReloadAttempt = now;
            reloadAfterRotation();
        }
    }

    /** A key that may verify a credential: any key this service ever used or published. */
    public Optional<PublishedKey> forVerification(String kid) {
        return Optional.ofNullable(ring.keys().get(kid));
    }

    /** The keys relying parties should know: active, mounted next ones, and retired ones still retained. */
    public List<PublishedKey> published() {
        Instant now = clock.instant();
        return ring.keys().values().stream().filter(k -> k.publishedAt(now)).toList();
    }

    /**
     * Makes another mounted key active: the given one, or the newest unused one (generated in dev and
     * local when there is none). The old key is retired but stays published until every credential
     * it can have signed has expired. Returns the new active key's id.
     */
    public synchronized String rotate(String requestedKid) {
        Map<String, PrivateSigningKey> files = mountedKeys();
        String activated = transactions.execute(tx -> {
            lock();
            String candidate;
            if (requestedKid != null) {
                String status = jdbc.sql("select status from signing_keys where kid = :kid").param("kid", requestedKid)
                        .query(String.class).optional().orElse(null);
                if (!"AVAILABLE".equals(status) || !files.containsKey(requestedKid)) {
                    throw new NoSigningKeyException("Key " + requestedKid + " is not a mounted, unused key");
                }
                candidate = requestedKid;
            } else {
                candidate = newestAvailable(files).orElseGet(() -> {
                    if (!generationAllowed) {
                        throw new NoSigningKeyException("No unused signing key is mounted in " + properties.directory()
                                + ": add one, then rotate");
                    }
                    PrivateSigningKey generated = SigningKeyFiles.generate(properties.directory(), properties.algorithm());
                    files.put(generated.kid(), generated);
                    jdbc.sql("insert into signing_keys (kid, algorithm, public_jwk, status, created_at) values (:kid, :alg, :jwk, 'AVAILABLE', :now)")
                            .param("kid", generated.kid()).param("alg", generated.algorithm().name())
                            .param("jwk", generated.publicJwk().toJSONString()).param("now", now()).update();
                    return generated.kid();
                });
            }
            OffsetDateTime now = now();
            jdbc.sql("""
                            update signing_keys set status = 'RETIRED', retired_at = :now,
                                retain_until = greatest(:horizon,
                                    (select max(expires_at) from credentials c where c.kid = signing_keys.kid))
                            where status = 'ACTIVE'""")
                    .param("now", now).param("horizon", now.plus(maxValidity)).update();
            activate(candidate);
            return candidate;
        });
        ring = readRing(files);
        log.info("Signing key {} is active after rotation", activated);
        return activated;
    }

    private Map<String, PrivateSigningKey> mountedKeys() {
        List<PrivateSigningKey> keys = SigningKeyFiles.load(properties.directory());
        if (keys.isEmpty()) {
            if (!generationAllowed) {
                throw new IllegalStateException("No signing key in " + properties.directory()
                        + ". Mount a PKCS#8 PEM key there (a Secret in the cluster); only the dev and local profiles generate one.");
            }
            keys = List.of(SigningKeyFiles.generate(properties.directory(), properties.algorithm()));
            log.warn("Generated a new {} signing key {} in {} (dev/local profile only)",
                    properties.algorithm(), keys.get(0).kid(), properties.directory());
        }
        return keys.stream().collect(Collectors.toMap(PrivateSigningKey::kid, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    private Optional<String> newestAvailable(Map<String, PrivateSigningKey> files) {
        return jdbc.sql("select kid from signing_keys where status = 'AVAILABLE' order by created_at desc, kid")
                .query(String.class).list().stream().filter(files::containsKey).findFirst();
    }

    private void activate(String kid) {
        jdbc.sql("update signing_keys set status = 'ACTIVE', activated_at = :now where kid = :kid")
                .param("now", now()).param("kid", kid).update();
    }

    private Ring readRing(Map<String, PrivateSigningKey> files) {
        Map<String, PublishedKey> keys = new LinkedHashMap<>();
        jdbc.sql("select kid, algorithm, public_jwk, status, retain_until from signing_keys order by created_at, kid")
                .query((rs, n) -> {
                    JWK jwk;
                    try {
                        jwk = JWK.parse(rs.getString("public_jwk"));
                    } catch (ParseException e) {
                        throw new IllegalStateException("Stored public key " + rs.getString("kid") + " is not a JWK", e);
                    }
                    var retain = rs.getObject("retain_until", OffsetDateTime.class);
                    return new PublishedKey(rs.getString("kid"), SigningAlgorithm.valueOf(rs.getString("algorithm")), jwk,
                            rs.getString("status"), retain == null ? null : retain.toInstant(), SigningKeyFiles.verifier(jwk));
                })
                .list().forEach(k -> keys.put(k.kid(), k));
        PublishedKey active = keys.values().stream().filter(k -> "ACTIVE".equals(k.status())).findFirst()
                .orElseThrow(() -> new IllegalStateException("No active signing key"));
        PrivateSigningKey signer = files.get(active.kid());
        if (signer == null) {
            throw new IllegalStateException("The active signing key " + active.kid() + " is not mounted in " + properties.directory());
        }
        return new Ring(signer, Collections.unmodifiableMap(keys));
    }

    /** Serialises key changes across instances sharing the database. */
    private void lock() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('identity_core.signing_keys'))").query().singleRow();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
