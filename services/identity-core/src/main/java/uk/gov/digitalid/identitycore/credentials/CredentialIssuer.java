package uk.gov.digitalid.identitycore.credentials;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import uk.gov.digitalid.commons.events.EventTypes;
import uk.gov.digitalid.commons.outbox.AuditEvents;
import uk.gov.digitalid.commons.security.Digests;
import uk.gov.digitalid.identitycore.IssuerProperties;
import uk.gov.digitalid.identitycore.keys.PrivateSigningKey;
import uk.gov.digitalid.identitycore.keys.SigningKeys;
import uk.gov.digitalid.identitycore.statuslist.StatusEntry;
import uk.gov.digitalid.identitycore.statuslist.StatusLists;

/**
 * Signs identity credentials as JWT VCs ({@code typ: vc+jwt}, format {@code jwt_vc_json}) with
 * the active key, gives each a random status list entry, records it and announces
 * {@code credential.issued} through the outbox, all in one transaction.
 */
public class CredentialIssuer {

    public static final JOSEObjectType VC_JWT = new JOSEObjectType("vc+jwt");
    static final String CREDENTIAL_TYPE = "IdentityCheckCredential";
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final SigningKeys keys;
    private final StatusLists statusLists;
    private final IssuerProperties issuer;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AuditEvents audit;
    private final JsonMapper json;
    private final Clock clock;
    private final Counter issued;
    private final MeterRegistry meters;

    public CredentialIssuer(SigningKeys keys, StatusLists statusLists, IssuerProperties issuer, JdbcClient jdbc,
                            TransactionTemplate transactions, AuditEvents audit, JsonMapper json,
                            Clock clock, MeterRegistry meters) {
        this.keys = keys;
        this.statusLists = statusLists;
        this.issuer = issuer;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
        this.issued = Counter.builder("identity_core.credentials.issued").description("Credentials issued").register(meters);
    }

    public IssuedCredential issue(CredentialRequest request) {
        if (request.validity().isNegative() || request.validity().isZero() || request.validity().compareTo(issuer.maxValidity()) > 0) {
            throw new InvalidValidityException(issuer.maxValidity());
        }
        UUID id = UUID.randomUUID();
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = issuedAt.plus(request.validity());
        IssuedCredential credential = transactions.execute(tx -> {
            PrivateSigningKey key = keys.active();
            StatusEntry entry = statusLists.allocate(candidate -> jdbc.sql("""
                            insert into credentials (id, subject_id, kid, status_list_id, status_index, issued_at, expires_at, token_sha256)
                            values (:id, :subject, :kid, :list, :index, :issued, :expires, '')
                            on conflict (status_list_id, status_index) do nothing""")
                    .param("id", id).param("subject", request.subjectId()).param("kid", key.kid())
                    .param("list", candidate.listId()).param("index", candidate.index())
                    .param("issued", utc(issuedAt)).param("expires", utc(expiresAt))
                    .update() == 1);
            String token = sign(key, id, request, entry, issuedAt, expiresAt);
            jdbc.sql("update credentials set token_sha256 = :hash where id = :id").param("hash", Digests.sha256Hex(token)).param("id", id).update();
            audit.record(EventTypes.CREDENTIAL_ISSUED, request.subjectId(), Map.of("credentialId", id.toString(), "subjectId", request.subjectId(), "kid", key.kid(),
                            "statusListId", entry.listId(), "statusListIndex", entry.index(), "expiresAt", expiresAt.toString()));
            return new IssuedCredential(id, token, key.kid(), issuer.statusListUrl(entry.listId()), entry.index(), issuedAt, expiresAt);
        });
        issued.increment();
        return credential;
    }

    private String sign(PrivateSigningKey key, UUID id, CredentialRequest request, StatusEntry entry, Instant issuedAt, Instant expiresAt) {
        JWSHeader header = new JWSHeader.Builder(key.algorithm().jws()).type(VC_JWT).keyID(key.kid()).build();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer.did())
                .subject(request.subjectId())
                .notBeforeTime(Date.from(issuedAt))
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .jwtID("urn:uuid:" + id)
                .claim("vc", vc(request, entry))
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        Timer.Sample sample = Timer.start(meters);
        try {
            jwt.sign(key.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("Signing with key " + key.kid() + " failed", e);
        } finally {
            sample.stop(Timer.builder("identity_core.signing").tag("algorithm", key.algorithm().name())
                    .description("Time to sign one credential").register(meters));
        }
        return jwt.serialize();
    }

    private Map<String, Object> vc(CredentialRequest request, StatusEntry entry) {
        Map<String, Object> subject = new LinkedHashMap<>();
        List<Object> names = new ArrayList<>();
        for (CredentialRequest.Name name : request.claims().names()) {
            names.add(Map.of("nameParts", List.of(
                    Map.of("type", "GivenName", "value", name.givenName()),
                    Map.of("type", "FamilyName", "value", name.familyName()))));
        }
        subject.put("name", names);
        subject.put("birthDate", List.of(Map.of("value", request.claims().birthDate().toString())));
        if (request.claims().addresses() != null && !request.claims().addresses().isEmpty()) {
            subject.put("address", request.claims().addresses().stream().map(a -> withoutNulls(json.convertValue(a, MAP))).toList());
        }
        Map<String, Object> evidence = new LinkedHashMap<>(withoutNulls(json.convertValue(request.evidence(), MAP)));
        evidence.put("type", "IdentityCheck");
        String statusList = issuer.statusListUrl(entry.listId());
        Map<String, Object> vc = new LinkedHashMap<>();
        vc.put("@context", List.of("https://www.w3.org/ns/credentials/v2"));
        vc.put("type", List.of("VerifiableCredential", CREDENTIAL_TYPE));
        vc.put("credentialSubject", subject);
        vc.put("evidence", List.of(evidence));
        vc.put("credentialStatus", Map.of(
                "id", statusList + "#" + entry.index(),
                "type", "BitstringStatusListEntry",
                "statusPurpose", "revocation",
                "statusListIndex", Integer.toString(entry.index()),
                "statusListCredential", statusList));
        return vc;
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (v != null) {
                copy.put(k, v instanceof List<?> list
                        ? list.stream().map(e -> e instanceof Map<?, ?> m ? withoutNulls(castMap(m)) : e).toList() : v);
            }
        });
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }


    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
