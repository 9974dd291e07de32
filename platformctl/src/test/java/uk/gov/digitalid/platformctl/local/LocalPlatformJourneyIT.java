package uk.gov.digitalid.platformctl.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.gov.digitalid.backing.junit.KafkaTopicReader;
import uk.gov.digitalid.backing.postgres.PostgresConnection;
import uk.gov.digitalid.backing.process.PlatformServices.Service;

/**
 * The end-to-end journey on the local platform exactly as `platformctl local up` starts it (here on
 * free ports and a fresh state under target/): a citizen registers, signs in, proves their identity
 * through gov-sandbox and gets a credential; a relying party verifies it; the citizen revokes it and
 * verification fails; a burst of failed sign-ins raises a critical fraud alert that locks the
 * account and ends its sessions; the operator sees the alert and the audit trail. Asserted on HTTP
 * answers, the audit-logs topic and database rows.
 */
class LocalPlatformJourneyIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalPlatform platform;
    private static String gateway;

    @BeforeAll
    static void up() {
        Path jars = Path.of("target/service-jars");
        platform = LocalPlatform.start(new LocalPlatform.Options(Path.of("target/local-platform"),
                EnumSet.range(Service.IDENTITY_CORE, Service.GATEWAY), true, false,
                service -> jars.resolve(service.serviceName() + "-exec.jar"), message -> System.out.println("[local] " + message),
                // The gateway slows repeated failed sign-ins down (2 s, 4 s ... up to 60 s); the burst below needs 10 of them quickly.
                Map.of(Service.GATEWAY, List.of("--gateway.sign-in.max-delay=1s"))));
        gateway = platform.url(Service.GATEWAY);
    }

    @AfterAll
    static void down() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void aCitizensCredentialIsVerifiedRevokedAndTheirAccountLockedByFraudWhichTheOperatorSees() throws Exception {
        String email = "journey-" + UUID.randomUUID() + "@example.org";
        String password = "a journey of a thousand miles";
        assertThat(post("/api/v1/accounts", Map.of("email", email, "password", password, "givenName", "Ada", "familyName", "Lovelace"), null)
                .statusCode()).isEqualTo(202);
        String token = json(post("/api/v1/sessions", Map.of("email", email, "password", password), null)).get("token").asString();
        String account = json(get("/api/v1/me", token)).get("id").asString();

        HttpResponse<String> proved = post("/api/v1/identity/verifications", Map.of(
                "hmrc", Map.of("nino", "AB123456C", "givenName", "Ada", "familyName", "Lovelace", "dateOfBirth", "1985-12-10"),
                "drivingLicence", Map.of("licenceNumber", "LOVEL812105A99AB", "surname", "Lovelace", "dateOfBirth", "1985-12-10")), token);
        assertThat(proved.statusCode()).as(proved.body()).isEqualTo(201);
        assertThat(json(proved).get("status").asString()).isEqualTo("VERIFIED");

        JsonNode issued = json(post("/api/v1/credentials", null, token));
        String credential = issued.get("credential").asString();
        String credentialId = issued.get("id").asString();
        String apiKey = platform.accounts().getProperty("relying-party.key");
        JsonNode verified = json(verify(credential, apiKey));
        assertThat(verified.get("valid").asBoolean()).isTrue();
        assertThat(verified.get("claims").get("sub").asString()).isEqualTo(account);

        assertThat(post("/api/v1/credentials/" + credentialId + "/revoke", null, token).statusCode()).isEqualTo(200);
        JsonNode afterRevocation = json(verify(credential, apiKey));
        assertThat(afterRevocation.get("valid").asBoolean()).isFalse();
        assertThat(afterRevocation.get("reasons").toString()).contains("revoked");

        for (int i = 0; i < 10; i++) {
            failToSignIn(email);
        }
        waitFor("the critical alert to lock the account", () -> get("/api/v1/me", token).statusCode() == 401);
        assertThat(scalar("select status from gateway.users where id = ?::uuid", account)).isEqualTo("LOCKED");
        waitFor("the alert to be stored", () -> !scalar("select severity from fraud.alerts where subject = ? and severity = 'CRITICAL'", account).isEmpty());

        String admin = operatorSession();
        JsonNode alerts = json(get("/api/v1/admin/alerts?subject=" + account, admin));
        assertThat(alerts.toString()).contains("CRITICAL", "failed-sign-ins-per-account-critical");
        JsonNode trail = json(get("/api/v1/admin/audit-trail/" + account, admin));
        assertThat(trail.get("chainIntact").asBoolean()).isTrue();
        assertThat(trail.get("events").toString()).contains("uk.gov.digitalid.account.registered", "uk.gov.digitalid.credential.issued",
                "uk.gov.digitalid.credential.revoked", "uk.gov.digitalid.session.login-failed");

        List<ConsumerRecord<String, byte[]>> events = KafkaTopicReader.readUntil(platform.backing().kafka().bootstrapServers(), "audit-logs",
                records -> records.stream().anyMatch(r -> account.equals(r.key()) && new String(r.value(), StandardCharsets.UTF_8).contains("account.locked")),
                Duration.ofSeconds(60));
        assertThat(events.stream().filter(r -> account.equals(r.key())).map(r -> new String(r.value(), StandardCharsets.UTF_8)))
                .anyMatch(e -> e.contains("uk.gov.digitalid.identity.verified"))
                .anyMatch(e -> e.contains("uk.gov.digitalid.credential.verified"))
                .anyMatch(e -> e.contains("uk.gov.digitalid.account.locked"));
    }

    private static String operatorSession() throws Exception {
        var accounts = platform.accounts();
        String code = new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(30), 6, "HmacSHA1").generateOneTimePasswordString(
                new SecretKeySpec(new Base32().decode(accounts.getProperty("operator.totp-secret")), "HmacSHA1"), Instant.now());
        HttpResponse<String> signedIn = post("/api/v1/admin/sessions", Map.of("email", accounts.getProperty("operator.email"),
                "password", accounts.getProperty("operator.password"), "code", code), null);
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(201);
        return json(signedIn).get("token").asString();
    }

    private static void failToSignIn(String email) throws Exception {
        for (int attempt = 0; attempt < 10; attempt++) {
            HttpResponse<String> response = post("/api/v1/sessions", Map.of("email", email, "password", "not the password"), null);
            if (response.statusCode() == 401) {
                return;
            }
            assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
            Thread.sleep(1000 * Long.parseLong(response.headers().firstValue("Retry-After").orElse("1")));
        }
        throw new AssertionError("sign-in still throttled");
    }

    private static HttpResponse<String> verify(String credential, String apiKey) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/verify")).header("Content-Type", "application/json")
                .header("X-API-Key", apiKey).POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("credential", credential)))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, Object body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path)).header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path, String token) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(gateway + path)).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }

    private static String scalar(String sql, String parameter) {
        PostgresConnection postgres = platform.backing().postgres();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : "";
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitFor(String what, BooleanSupplier done) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(500);
        }
    }
}
