package uk.gov.digitalid.identitycore.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.digitalid.identitycore.CredentialFixtures.get;
import static uk.gov.digitalid.identitycore.CredentialFixtures.post;
import static uk.gov.digitalid.identitycore.CredentialFixtures.request;
import static uk.gov.digitalid.identitycore.CredentialFixtures.send304;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.json.JsonMapper;
import uk.gov.digitalid.backing.junit.WithBackingServices;
import uk.gov.digitalid.identitycore.IssuerProperties;
import uk.gov.digitalid.identitycore.keys.PrivateSigningKey;
import uk.gov.digitalid.identitycore.keys.SigningKeys;
import uk.gov.digitalid.commons.security.Digests;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"local", "it"})
@WithBackingServices
class CredentialsIT {

    @LocalServerPort int port;
    @LocalManagementPort int managementPort;
    @Autowired JsonMapper json;
    @Autowired CredentialIssuer issuer;
    @Autowired CredentialVerifier verifier;
    @Autowired SigningKeys keys;
    @Autowired IssuerProperties issuerProperties;
    @Autowired JdbcClient jdbc;

    @Test
    void issuedCredentialFollowsTheContractAndVerifies() throws Exception {
        var issued = post(port, "/v1/credentials", request("citizen-1"), json);
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String token = (String) json.readValue(issued.body(), Map.class).get("credential");

        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jwt.getHeader().getType()).isEqualTo(new JOSEObjectType("vc+jwt"));
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(keys.active().kid());
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("did:web:localhost%3A3000");
        assertThat(claims.getSubject()).isEqualTo("citizen-1");
        assertThat(claims.getJWTID()).startsWith("urn:uuid:");
        assertThat(claims.getNotBeforeTime()).isEqualTo(claims.getIssueTime());
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(claims.getIssueTime().toInstant().plusSeconds(30 * 86400));
        Map<String, Object> vc = claims.getJSONObjectClaim("vc");
        assertThat(vc.get("type")).isEqualTo(List.of("VerifiableCredential", "IdentityCheckCredential"));
        assertThat(vc).containsKeys("@context", "credentialSubject", "evidence");
        @SuppressWarnings("unchecked")
        Map<String, Object> status = (Map<String, Object>) vc.get("credentialStatus");
        assertThat(status).containsEntry("type", "BitstringStatusListEntry").containsEntry("statusPurpose", "revocation");
        assertThat((String) status.get("statusListCredential")).startsWith("http://localhost:3000/v1/status-lists/");
        @SuppressWarnings("unchecked")
        Map<String, Object> evidence = ((List<Map<String, Object>>) vc.get("evidence")).get(0);
        assertThat(evidence).containsEntry("type", "IdentityCheck").containsEntry("strengthScore", 4L).containsEntry("identityFraudScore", 2L);

        var verified = post(port, "/v1/credentials/verify", Map.of("credential", token), json);
        assertThat(verified.status()).isEqualTo(200);
        Map<?, ?> result = json.readValue(verified.body(), Map.class);
        assertThat(result.get("valid")).isEqualTo(true);
        assertThat(result.get("reasons")).isEqualTo(List.of());

        UUID id = UUID.fromString(claims.getJWTID().substring("urn:uuid:".length()));
        assertThat(jdbc.sql("select token_sha256 from credentials where id = :id").param("id", id).query(String.class).single())
                .isEqualTo(Digests.sha256Hex(token));
        assertThat(jdbc.sql("select count(*) from outbox_events where event_type = 'uk.gov.digitalid.credential.issued' and event_key = 'citizen-1'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void flippingAnySingleByteOfHeaderPayloadOrSignatureFails() {
        String token = issuer.issue(request("citizen-2")).credential();
        assertThat(verifier.verify(token).valid()).isTrue();
        String[] parts = token.split("\\.");
        int tried = 0;
        for (int part = 0; part < 3; part++) {
            byte[] bytes = new Base64URL(parts[part]).decode();
            for (int i = 0; i < bytes.length; i++) {
                byte[] flipped = bytes.clone();
                flipped[i] ^= 0x01;
                String[] tampered = parts.clone();
                tampered[part] = Base64URL.encode(flipped).toString();
                String candidate = String.join(".", tampered);
                boolean rejected;
                try {
                    rejected = !verifier.verify(candidate).valid();
                } catch (MalformedCredentialException e) {
                    rejected = true;
                }
                assertThat(rejected).as("part %d byte %d", part, i).isTrue();
                tried++;
            }
        }
        assertThat(tried).isGreaterThan(500);
    }

    @Test
    void forgedAndOutOfTimeTokensFailWithTheirReason() throws Exception {
        String token = issuer.issue(request("citizen-3")).credential();
        SignedJWT genuine = SignedJWT.parse(token);
        JWTClaimsSet claims = genuine.getJWTClaimsSet();
        PrivateSigningKey key = keys.active();

        assertThat(verifier.verify(new PlainJWT(claims).serialize()).reasons()).containsExactly("algorithm-not-allowed");

        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("vc+jwt")).keyID(key.kid()).build(), claims);
        hmac.sign(new MACSigner(key.publicJwk().toJSONString().repeat(2).getBytes()));
        assertThat(verifier.verify(hmac.serialize()).reasons()).containsExactly("algorithm-not-allowed");

        assertThat(verifier.verify(sign(key, "JWT", claims)).reasons()).containsExactly("wrong-type");
        assertThat(verifier.verify(sign(key, "vc+jwt", with(claims, b -> b.issuer("did:web:attacker.example")))).reasons())
                .containsExactly("issuer-not-trusted");
        Instant now = Instant.now();
        assertThat(verifier.verify(sign(key, "vc+jwt", with(claims, b -> b.expirationTime(Date.from(now.minusSeconds(600)))))).reasons())
                .containsExactly("expired");
        assertThat(verifier.verify(sign(key, "vc+jwt", with(claims, b -> b.notBeforeTime(Date.from(now.plusSeconds(600)))))).reasons())
                .containsExactly("not-yet-valid");
        assertThat(verifier.verify(sign(key, "vc+jwt", with(claims, b -> b.expirationTime(Date.from(now.minusSeconds(30)))))).valid())
                .as("within the clock leeway").isTrue();

        SignedJWT unknownKey = new SignedJWT(new JWSHeader.Builder(key.algorithm().jws()).type(new JOSEObjectType("vc+jwt"))
                .keyID("not-a-known-key-id-0000000000000").build(), claims);
        unknownKey.sign(key.signer());
        assertThat(verifier.verify(unknownKey.serialize()).reasons()).containsExactly("unknown-key");

        var malformed = post(port, "/v1/credentials/verify", Map.of("credential", "not.a.jwt"), json);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.headers().get("content-type")).containsExactly("application/problem+json");
    }

    @Test
    void invalidRequestsAreProblemsNamingTheField() {
        var response = post(port, "/v1/credentials", """
                {"subjectId":"citizen 4","claims":{"names":[],"birthDate":"2999-01-01"},
                 "evidence":{"txn":"t","strengthScore":9,"validityScore":1,"verificationScore":1,"activityHistoryScore":1,"identityFraudScore":1},
                 "validity":"P30D"}""", json);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("subjectId", "claims.names", "claims.birthDate", "evidence.strengthScore");

        CredentialRequest valid = request("citizen-5");
        var tooLong = post(port, "/v1/credentials",
                new CredentialRequest(valid.subjectId(), valid.claims(), valid.evidence(), java.time.Duration.ofDays(999)), json);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("validity");
    }

    @Test
    void revocationIsIdempotentAndShowsInTheSignedStatusList() throws Exception {
        IssuedCredential credential = issuer.issue(request("citizen-6"));
        assertThat(verifier.verify(credential.credential()).valid()).isTrue();

        var first = post(port, "/v1/credentials/" + credential.id() + "/revocation", "", json);
        var second = post(port, "/v1/credentials/" + credential.id() + "/revocation", "", json);
        assertThat(first.status()).isEqualTo(200);
        assertThat(json.readValue(first.body(), Map.class).get("changed")).isEqualTo(true);
        assertThat(json.readValue(second.body(), Map.class).get("changed")).isEqualTo(false);

        var record = get(port, "/v1/credentials/" + credential.id());
        assertThat(record.status()).isEqualTo(200);
        Map<?, ?> recorded = json.readValue(record.body(), Map.class);
        assertThat(recorded.get("revokedAt")).isNotNull();
        assertThat(recorded.get("statusIndex")).isEqualTo(credential.statusListIndex());
        assertThat(record.body()).doesNotContain(credential.credential().split("\\.")[2]);
        assertThat(get(port, "/v1/credentials/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(get(port, "/v1/credentials?subjectId=citizen-6").body()).contains(credential.id().toString());

        VerificationResult after = verifier.verify(credential.credential());
        assertThat(after.valid()).isFalse();
        assertThat(after.reasons()).containsExactly("revoked");
        assertThat(jdbc.sql("select count(*) from outbox_events where event_type = 'uk.gov.digitalid.credential.revoked' and event_key = 'citizen-6'")
                .query(Long.class).single()).isEqualTo(1);

        String path = credential.statusListCredential().replace("http://localhost:3000", "");
        var list = get(port, path);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.headers().get("cache-control").get(0)).contains("max-age=60").contains("public");
        SignedJWT statusList = SignedJWT.parse(list.body());
        assertThat(verifier.verify(list.body()).reasons()).doesNotContain("signature-invalid", "issuer-not-trusted");
        @SuppressWarnings("unchecked")
        Map<String, Object> subject = (Map<String, Object>) statusList.getJWTClaimsSet().getJSONObjectClaim("vc").get("credentialSubject");
        byte[] bits = decode((String) subject.get("encodedList"));
        assertThat(bits.length * 8).isGreaterThanOrEqualTo(131_072);
        int index = credential.statusListIndex();
        assertThat(bits[index / 8] & (0x80 >>> (index % 8))).as("bit of the revoked credential").isNotZero();

        String etag = list.headers().get("etag").get(0);
        var unchanged = send304(port, path, etag);
        assertThat(unchanged).isEqualTo(304);
    }

    @Test
    void aThousandConcurrentIssuesGetDistinctStatusEntries() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<IssuedCredential>> futures = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                String subject = "bulk-" + i;
                futures.add(pool.submit(() -> issuer.issue(request(subject))));
            }
            Set<String> entries = new HashSet<>();
            for (Future<IssuedCredential> future : futures) {
                IssuedCredential credential = future.get();
                entries.add(credential.statusListCredential() + "#" + credential.statusListIndex());
            }
            assertThat(entries).hasSize(1000);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void openApiAndCountersArePublished() {
        issuer.issue(request("citizen-7"));
        var docs = get(port, "/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("/v1/credentials/verify", "/v1/credentials/{id}/revocation", "/.well-known/jwks.json");
        var metrics = get(managementPort, "/actuator/prometheus");
        assertThat(metrics.body()).contains("identity_core_credentials_issued_total{", "identity_core_signing_seconds_count{",
                "identity_core_credentials_verified_total{", "service=\"identity-core\"");
    }

    @Test
    void publishedKeysHoldNoPrivatePart() {
        var jwks = get(port, "/.well-known/jwks.json");
        assertThat(jwks.status()).isEqualTo(200);
        assertThat(jwks.headers().get("cache-control").get(0)).contains("max-age=300");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> published = (List<Map<String, Object>>) json.readValue(jwks.body(), Map.class).get("keys");
        assertThat(published).isNotEmpty().allSatisfy(k -> assertThat(k).doesNotContainKey("d").containsKeys("kid", "kty", "use"));
        var did = get(port, "/.well-known/did.json");
        assertThat(did.body()).contains("\"id\":\"did:web:localhost%3A3000\"").doesNotContain("\"d\":");
    }

    private static byte[] decode(String encodedList) throws Exception {
        assertThat(encodedList).startsWith("u");
        byte[] gzipped = Base64.getUrlDecoder().decode(encodedList.substring(1));
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return in.readAllBytes();
        }
    }

    private static String sign(PrivateSigningKey key, String type, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(key.algorithm().jws()).type(new JOSEObjectType(type)).keyID(key.kid()).build(), claims);
        jwt.sign(key.signer());
        return jwt.serialize();
    }

    private static JWTClaimsSet with(JWTClaimsSet claims, java.util.function.Consumer<JWTClaimsSet.Builder> change) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder(claims);
        change.accept(builder);
        return builder.build();
    }
}
