package uk.gov.digitalid.identitycore.credentials;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.gov.digitalid.identitycore.IssuerProperties;
import uk.gov.digitalid.identitycore.keys.PublishedKey;
import uk.gov.digitalid.identitycore.keys.SigningAlgorithm;
import uk.gov.digitalid.identitycore.keys.SigningKeys;
import uk.gov.digitalid.identitycore.statuslist.StatusEntry;
import uk.gov.digitalid.identitycore.statuslist.StatusLists;

/**
 * Checks a credential this issuer signed: allowed algorithm, {@code typ}, a known key whose type
 * matches the algorithm, the signature, the issuer, the time window with leeway, and revocation.
 * Nothing in the token is trusted before its signature is.
 */
public class CredentialVerifier {

    /** The reasons a credential can fail, as returned to callers. */
    public static final String ALGORITHM_NOT_ALLOWED = "algorithm-not-allowed";
    public static final String WRONG_TYPE = "wrong-type";
    public static final String UNKNOWN_KEY = "unknown-key";
    public static final String ALGORITHM_MISMATCH = "algorithm-key-mismatch";
    public static final String SIGNATURE_INVALID = "signature-invalid";
    public static final String ISSUER_NOT_TRUSTED = "issuer-not-trusted";
    public static final String EXPIRED = "expired";
    public static final String NOT_YET_VALID = "not-yet-valid";
    public static final String REVOKED = "revoked";
    public static final String STATUS_UNKNOWN = "status-unknown";

    private final SigningKeys keys;
    private final StatusLists statusLists;
    private final IssuerProperties issuer;
    private final Clock clock;
    private final Counter valid;
    private final Counter invalid;

    public CredentialVerifier(SigningKeys keys, StatusLists statusLists, IssuerProperties issuer, Clock clock, MeterRegistry meters) {
        this.keys = keys;
        this.statusLists = statusLists;
        this.issuer = issuer;
        this.clock = clock;
        this.valid = Counter.builder("identity_core.credentials.verified").tag("result", "valid").register(meters);
        this.invalid = Counter.builder("identity_core.credentials.verified").tag("result", "invalid").register(meters);
    }

    /** @throws MalformedCredentialException when the token is not a JWT at all */
    public VerificationResult verify(String token) {
        VerificationResult result = check(token);
        (result.valid() ? valid : invalid).increment();
        return result;
    }

    private VerificationResult check(String token) {
        JWT jwt;
        try {
            jwt = JWTParser.parse(token.trim());
        } catch (ParseException | IllegalArgumentException e) {
            throw new MalformedCredentialException("The credential is not a well-formed JWT.");
        }
        if (jwt instanceof PlainJWT || jwt instanceof EncryptedJWT || !(jwt instanceof SignedJWT signed)) {
            return VerificationResult.invalid(ALGORITHM_NOT_ALLOWED);
        }
        SigningAlgorithm algorithm = SigningAlgorithm.fromJws(signed.getHeader().getAlgorithm());
        if (algorithm == null) {
            return VerificationResult.invalid(ALGORITHM_NOT_ALLOWED);
        }
        if (!CredentialIssuer.VC_JWT.equals(signed.getHeader().getType())) {
            return VerificationResult.invalid(WRONG_TYPE);
        }
        String kid = signed.getHeader().getKeyID();
        Optional<PublishedKey> key = kid == null ? Optional.empty() : keys.forVerification(kid);
        if (key.isEmpty()) {
            return VerificationResult.invalid(UNKNOWN_KEY);
        }
        if (key.get().algorithm() != algorithm) {
            return VerificationResult.invalid(ALGORITHM_MISMATCH);
        }
        try {
            if (!signed.verify(key.get().verifier())) {
                return VerificationResult.invalid(SIGNATURE_INVALID);
            }
        } catch (JOSEException | IllegalStateException e) {
            return VerificationResult.invalid(SIGNATURE_INVALID);
        }
        JWTClaimsSet claims;
        try {
            claims = signed.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new MalformedCredentialException("The credential's claims are not a JSON object.");
        }
        return new VerificationResult(false, List.of(), claims.toJSONObject()).withReasons(reasons(claims));
    }

    private List<String> reasons(JWTClaimsSet claims) {
        List<String> reasons = new ArrayList<>();
        if (!issuer.did().equals(claims.getIssuer())) {
            reasons.add(ISSUER_NOT_TRUSTED);
        }
        Instant now = clock.instant();
        Date expiry = claims.getExpirationTime();
        if (expiry == null || now.isAfter(expiry.toInstant().plus(issuer.clockLeeway()))) {
            reasons.add(EXPIRED);
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && now.plus(issuer.clockLeeway()).isBefore(notBefore.toInstant())) {
            reasons.add(NOT_YET_VALID);
        }
        Optional<StatusEntry> entry = statusEntry(claims);
        if (entry.isEmpty()) {
            reasons.add(STATUS_UNKNOWN);
        } else if (statusLists.isRevoked(entry.get())) {
            reasons.add(REVOKED);
        }
        return reasons;
    }

    /** The credential's revocation entry, if it points at one of this issuer's lists. */
    private Optional<StatusEntry> statusEntry(JWTClaimsSet claims) {
        if (!(claims.getClaim("vc") instanceof Map<?, ?> vc) || !(vc.get("credentialStatus") instanceof Map<?, ?> status)) {
            return Optional.empty();
        }
        String prefix = issuer.statusListUrlPrefix();
        if (!(status.get("statusListCredential") instanceof String list) || !list.startsWith(prefix)
                || !(status.get("statusListIndex") instanceof String index)) {
            return Optional.empty();
        }
        try {
            long listId = Long.parseLong(list.substring(prefix.length()));
            int position = Integer.parseInt(index);
            var size = statusLists.sizeOf(listId);
            if (position < 0 || size.isEmpty() || position >= size.getAsInt()) {
                return Optional.empty();
            }
            return Optional.of(new StatusEntry(listId, position));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
