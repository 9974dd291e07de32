package uk.gov.digitalid.identitycore.statuslist;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import uk.gov.digitalid.identitycore.IssuerProperties;
import uk.gov.digitalid.identitycore.credentials.CredentialIssuer;
import uk.gov.digitalid.identitycore.keys.PrivateSigningKey;
import uk.gov.digitalid.identitycore.keys.SigningKeys;
import uk.gov.digitalid.commons.security.Digests;

/**
 * The signed BitstringStatusListCredential of each list, as a JWT VC. Re-signed only when the list's
 * bits or the active key changed, or the last one is half-way to its expiry.
 */
public class StatusListCredentials {

    /** A signed list and its entity tag. */
    public record Signed(String jwt, String etag, String encodedList, String kid, Instant issuedAt) {
    }

    private static final Duration VALIDITY = Duration.ofDays(1);

    private final StatusLists statusLists;
    private final SigningKeys keys;
    private final IssuerProperties issuer;
    private final Clock clock;
    private final Map<Long, Signed> signed = new ConcurrentHashMap<>();

    public StatusListCredentials(StatusLists statusLists, SigningKeys keys, IssuerProperties issuer, Clock clock) {
        this.statusLists = statusLists;
        this.keys = keys;
        this.issuer = issuer;
        this.clock = clock;
    }

    public Optional<Signed> get(long listId) {
        if (statusLists.sizeOf(listId).isEmpty()) {
            return Optional.empty();
        }
        String encodedList = statusLists.encodedList(listId);
        PrivateSigningKey key = keys.active();
        Instant now = clock.instant();
        Signed current = signed.get(listId);
        if (current == null || !current.encodedList().equals(encodedList) || !current.kid().equals(key.kid())
                || current.issuedAt().plus(VALIDITY.dividedBy(2)).isBefore(now)) {
            current = sign(listId, encodedList, key, now.truncatedTo(ChronoUnit.SECONDS));
            signed.put(listId, current);
        }
        return Optional.of(current);
    }

    private Signed sign(long listId, String encodedList, PrivateSigningKey key, Instant now) {
        String url = issuer.statusListUrl(listId);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer.did())
                .subject(url)
                .jwtID(url)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(VALIDITY)))
                .claim("vc", Map.of(
                        "@context", List.of("https://www.w3.org/ns/credentials/v2"),
                        "id", url,
                        "type", List.of("VerifiableCredential", "BitstringStatusListCredential"),
                        "credentialSubject", Map.of(
                                "id", url + "#list",
                                "type", "BitstringStatusList",
                                "statusPurpose", "revocation",
                                "encodedList", encodedList)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(key.algorithm().jws()).type(CredentialIssuer.VC_JWT).keyID(key.kid()).build(), claims);
        try {
            jwt.sign(key.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("Signing status list " + listId + " failed", e);
        }
        String token = jwt.serialize();
        return new Signed(token, "\"" + Digests.sha256Hex(token) + "\"", encodedList, key.kid(), now);
    }
}
