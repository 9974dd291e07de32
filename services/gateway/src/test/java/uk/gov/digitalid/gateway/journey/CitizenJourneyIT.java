package uk.gov.digitalid.gateway.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.digitalid.gateway.GatewayClient.body;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.gov.digitalid.backing.BackingService;
import uk.gov.digitalid.backing.junit.KafkaTopicReader;
import uk.gov.digitalid.backing.junit.SharedBackingServices;
import uk.gov.digitalid.commons.events.CloudEventCodec;
import uk.gov.digitalid.backing.junit.WithBackingServices;
import uk.gov.digitalid.gateway.GatewayClient;
import uk.gov.digitalid.gateway.GatewayClient.Response;
import uk.gov.digitalid.gateway.relyingparties.ApiClients;
import uk.gov.digitalid.identitycore.IdentityCoreApplication;

/**
 * The whole citizen journey through the gateway, with the real identity-core running beside it and
 * gov-connectors answered by a stub that follows its contract: register, sign in, prove identity,
 * get a credential, a relying party verifies it, the citizen revokes it, verification fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@WithBackingServices
class CitizenJourneyIT {

    private static GovConnectorsStub connectors;
    private static ConfigurableApplicationContext identityCore;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) throws Exception {
        connectors = new GovConnectorsStub();
        List<String> args = new ArrayList<>(List.of(
                // Not the gateway's application.yml, which is first on this class path: identity-core's settings are given here.
                "--spring.config.name=identity-core-in-gateway-tests", "--spring.profiles.active=local",
                "--spring.application.name=identity-core", "--server.port=0", "--management.server.port=0",
                "--spring.flyway.locations=classpath:db/migration/identity-core", "--spring.flyway.schemas=identity_core",
                "--spring.flyway.default-schema=identity_core", "--spring.datasource.hikari.schema=identity_core",
                "--identity-core.keys.directory=target/journey-signing-keys", "--identity-core.issuer.host=localhost:3000",
                "--digitalid.system-metrics.enabled=false"));
        SharedBackingServices.instance().services().springProperties(EnumSet.allOf(BackingService.class))
                .forEach((k, v) -> args.add("--" + k + "=" + v));
        identityCore = new SpringApplicationBuilder(IdentityCoreApplication.class).run(args.toArray(String[]::new));
        String identityCoreUrl = "http://127.0.0.1:" + identityCore.getEnvironment().getRequiredProperty("local.server.port");
        registry.add("gateway.upstreams.identity-core-url", () -> identityCoreUrl);
        registry.add("gateway.upstreams.gov-connectors-url", connectors::url);
    }

    @AfterAll
    static void stopUpstreams() {
        identityCore.close();
        connectors.close();
    }

    @LocalServerPort int port;
    @Autowired ApiClients apiClients;
    @Autowired JdbcClient jdbc;
    @Autowired CloudEventCodec codec;

    @Test
    void registerSignInProveGetVerifyRevokeAndFailVerification() {
        GatewayClient citizen = new GatewayClient(port, "192.0.2.50");
        String email = "ada-" + UUID.randomUUID() + "@example.org";
        assertThat(citizen.post("/api/v1/accounts", Map.of("email", email, "password", "analytical engine notes",
                "givenName", "Ada", "familyName", "Lovelace")).status()).isEqualTo(202);
        String token = (String) body(citizen.post("/api/v1/sessions", Map.of("email", email, "password", "analytical engine notes"))).get("token");
        String accountId = (String) body(citizen.get("/api/v1/me", token)).get("id");

        assertThat(citizen.post("/api/v1/credentials", "", "application/json", token).status()).as("no identity check yet").isEqualTo(409);

        Response proved = citizen.post("/api/v1/identity/verifications", """
                {"hmrc":{"nino":"AB123456C","givenName":"Ada","familyName":"Lovelace","dateOfBirth":"1985-12-10"},
                 "drivingLicence":{"licenceNumber":"LOVEL812105A99AB","surname":"Lovelace","dateOfBirth":"1985-12-10"}}""",
                "application/json", token);
        assertThat(proved.status()).as(proved.body()).isEqualTo(201);
        assertThat(body(proved)).containsEntry("status", "VERIFIED").containsEntry("confidence", "P2");
        assertThat(connectors.received).anySatisfy(r -> assertThat(r.get("nino")).isEqualTo("AB123456C"));
        assertThat(body(citizen.get("/api/v1/identity/verifications/latest", token))).containsEntry("confidence", "P2");

        Response issued = citizen.post("/api/v1/credentials", "", "application/json", token);
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String credential = (String) body(issued).get("credential");
        String credentialId = (String) body(issued).get("id");
        assertThat(citizen.get("/api/v1/credentials", token).body()).contains(credentialId);

        String apiKey = apiClients.create("Example Bank");
        GatewayClient bank = new GatewayClient(port, "192.0.2.60");
        Response verified = bank.post("/api/v1/verify", "{\"credential\":\"" + credential + "\"}", "application/json", null);
        assertThat(verified.status()).as("no API key").isEqualTo(401);
        verified = verifyAsBank(apiKey, credential);
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        assertThat(body(verified)).containsEntry("valid", true);
        @SuppressWarnings("unchecked")
        Map<String, Object> claims = (Map<String, Object>) body(verified).get("claims");
        assertThat(claims).containsEntry("sub", accountId);

        GatewayClient stranger = new GatewayClient(port, "192.0.2.51");
        String strangerEmail = "mallory-" + UUID.randomUUID() + "@example.org";
        stranger.post("/api/v1/accounts", Map.of("email", strangerEmail, "password", "not ada at all, honest", "givenName", "Mallory", "familyName", "Smith"));
        String strangerToken = (String) body(stranger.post("/api/v1/sessions", Map.of("email", strangerEmail, "password", "not ada at all, honest"))).get("token");
        assertThat(stranger.post("/api/v1/credentials/" + credentialId + "/revoke", "", "application/json", strangerToken).status())
                .as("someone else's credential").isEqualTo(404);

        assertThat(citizen.post("/api/v1/credentials/" + credentialId + "/revoke", "", "application/json", token).status()).isEqualTo(200);
        Response afterRevocation = verifyAsBank(apiKey, credential);
        assertThat(body(afterRevocation)).containsEntry("valid", false).containsEntry("reasons", List.of("revoked"));

        for (int i = 0; i < 3; i++) {
            assertThat(verifyAsBank(apiKey, credential).status()).isEqualTo(200);
        }
        Response overQuota = verifyAsBank(apiKey, credential);
        assertThat(overQuota.status()).as("5 a minute in the test profile").isEqualTo(429);
        assertThat(overQuota.header("retry-after")).isNotNull();

        assertThat(events(accountId)).containsExactly("uk.gov.digitalid.account.registered", "uk.gov.digitalid.session.login-succeeded",
                "uk.gov.digitalid.identity.verified");
        List<String> onKafka = auditTrailOnKafka(accountId, 10);
        assertThat(onKafka).as("verifications go straight to Kafka, one per answered call, none for the 429")
                .filteredOn("uk.gov.digitalid.credential.verified"::equals).hasSize(5);
        assertThat(onKafka).as("both services' outboxes relayed, once each").filteredOn(type -> !type.endsWith(".credential.verified"))
                .containsExactlyInAnyOrder("uk.gov.digitalid.account.registered", "uk.gov.digitalid.session.login-succeeded",
                        "uk.gov.digitalid.identity.verified", "uk.gov.digitalid.credential.issued", "uk.gov.digitalid.credential.revoked");
        assertThat(jdbc.sql("select event_type from identity_core.outbox_events where event_key = :key order by id")
                .param("key", accountId).query(String.class).list())
                .containsExactly("uk.gov.digitalid.credential.issued", "uk.gov.digitalid.credential.revoked");
    }

    @Test
    void aFailedIdentityCheckIsRecordedAndGetsNoCredential() {
        GatewayClient citizen = new GatewayClient(port, "192.0.2.52");
        String email = "someone-" + UUID.randomUUID() + "@example.org";
        citizen.post("/api/v1/accounts", Map.of("email", email, "password", "a perfectly fine passphrase", "givenName", "Ada", "familyName", "Byron"));
        String token = (String) body(citizen.post("/api/v1/sessions", Map.of("email", email, "password", "a perfectly fine passphrase"))).get("token");

        Response failed = citizen.post("/api/v1/identity/verifications", """
                {"hmrc":{"nino":"AB654321C","givenName":"Ada","familyName":"Byron","dateOfBirth":"1990-01-01"}}""", "application/json", token);
        assertThat(failed.status()).isEqualTo(201);
        assertThat(body(failed)).containsEntry("status", "FAILED").containsEntry("confidence", "P0");
        assertThat(citizen.post("/api/v1/credentials", "", "application/json", token).status()).isEqualTo(409);

        Response invalid = citizen.post("/api/v1/identity/verifications", "{\"hmrc\":{\"nino\":\"BG123456C\",\"givenName\":\"A\",\"familyName\":\"B\",\"dateOfBirth\":\"1990-01-01\"}}",
                "application/json", token);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("hmrc.nino");
        for (String bad : List.of("{}", "{\"hmrc\":", "{\"hmrc\":{\"nino\":42}}", "{\"drivingLicence\":{\"licenceNumber\":\"SHORT\"}}",
                "{\"hmrc\":null,\"extra\":1}", "[1,2]")) {
            Response response = citizen.post("/api/v1/identity/verifications", bad, "application/json", token);
            assertThat(response.status()).as(bad).isEqualTo(400);
            assertThat(response.header("content-type")).isEqualTo("application/problem+json");
        }
        assertThat(citizen.post("/api/v1/identity/verifications", "nino=AB123456C", "text/plain", token).status()).isEqualTo(415);
        assertThat(citizen.post("/api/v1/credentials/not-a-uuid/revoke", "", "application/json", token).status()).isEqualTo(400);
        assertThat(new GatewayClient(port, "192.0.2.53").postWithApiKey("/api/v1/verify", "{\"credential\":\"x.y\"}", "rp_nope.nope").status())
                .isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from gateway.verifications v join gateway.users u on u.id = v.user_id where u.email = :e")
                .param("e", email).query(Long.class).single()).as("only the one real check was recorded").isEqualTo(1);
    }

    private Response verifyAsBank(String apiKey, String credential) {
        return new GatewayClient(port, "192.0.2.60").postWithApiKey("/api/v1/verify", "{\"credential\":\"" + credential + "\"}", apiKey);
    }

    /** Event types on audit-logs for this subject, read until the expected number are there (more would be duplicates). */
    private List<String> auditTrailOnKafka(String accountId, int expected) {
        String kafka = SharedBackingServices.instance().services().kafka().bootstrapServers();
        Predicate<List<ConsumerRecord<String, byte[]>>> allThere = records -> records.stream().filter(r -> accountId.equals(r.key())).count() >= expected;
        return KafkaTopicReader.readUntil(kafka, "audit-logs", allThere, Duration.ofSeconds(30)).stream()
                .filter(r -> accountId.equals(r.key())).map(r -> codec.deserialize(r.value()).getType()).toList();
    }

    private List<String> events(String accountId) {
        return jdbc.sql("select event_type from gateway.outbox_events where event_key = :key order by id").param("key", accountId)
                .query(String.class).list();
    }
}
