package uk.gov.digitalid.gateway.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.digitalid.gateway.GatewayClient.body;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.json.JsonMapper;
import uk.gov.digitalid.backing.BackingService;
import uk.gov.digitalid.backing.BackingServices;
import uk.gov.digitalid.backing.junit.WithBackingServices;
import uk.gov.digitalid.commons.sync.SyncMessage;
import uk.gov.digitalid.commons.sync.SyncPublisher;
import uk.gov.digitalid.gateway.GatewayApplication;
import uk.gov.digitalid.gateway.GatewayClient;
import uk.gov.digitalid.gateway.GatewayClient.Response;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@WithBackingServices
class AccountsAndSessionsIT {

    private static final AtomicInteger addresses = new AtomicInteger(1);
    private static final String PASSWORD = "correct horse battery staple";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired SyncPublisher sync;

    GatewayClient client;
    String email;

    @BeforeEach
    void freshClientAndEmail() {
        // A documentation address (RFC 5737) per test, so per-address limits do not leak between tests.
        client = new GatewayClient(port, "192.0.2." + addresses.getAndIncrement());
        email = "citizen-" + UUID.randomUUID() + "@example.org";
    }

    @Test
    void recentActivityListsTheCitizensSignInsNewestFirst() {
        register(email, PASSWORD);
        String first = (String) body(signIn(PASSWORD)).get("token");
        client.delete("/api/v1/sessions/current", first);
        String second = (String) body(signIn(PASSWORD)).get("token");

        Response activity = client.get("/api/v1/me/activity", second);
        assertThat(activity.status()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>) (List<?>) JsonMapper.builder().build()
                .readValue(activity.body(), List.class);
        assertThat(entries).extracting(e -> e.get("kind") + " " + e.get("detail")).hasSize(2)
                .first().asString().startsWith("SIGNED_IN Signed in from 192.0.2.").doesNotContain("signed out");
        assertThat(entries.get(1).get("detail")).asString().endsWith(", signed out");
        assertThat(client.get("/api/v1/me/activity", null).status()).isEqualTo(401);
    }

    @Test
    void registerSignInSeeMeAndSignOutEachWithOneAuditEvent() {
        assertThat(register(email, PASSWORD).status()).isEqualTo(202);
        Response signedIn = client.post("/api/v1/sessions", Map.of("email", email.toUpperCase(), "password", PASSWORD));
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(201);
        String token = (String) body(signedIn).get("token");
        assertThat(token).hasSize(43);

        Response me = client.get("/api/v1/me", token);
        assertThat(me.status()).isEqualTo(200);
        assertThat(body(me)).containsEntry("email", email).containsEntry("givenName", "Ada");
        String accountId = (String) body(me).get("id");

        assertThat(client.delete("/api/v1/sessions/current", token).status()).isEqualTo(204);
        Response after = client.get("/api/v1/me", token);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.header("content-type")).isEqualTo("application/problem+json");

        assertThat(events(accountId)).containsExactly("uk.gov.digitalid.account.registered",
                "uk.gov.digitalid.session.login-succeeded", "uk.gov.digitalid.session.ended");
        assertThat(jdbc.sql("select end_reason from sessions where user_id = :id").param("id", UUID.fromString(accountId))
                .query(String.class).single()).isEqualTo("SIGNED_OUT");
        assertThat(jdbc.sql("select count(*) from sessions where token_sha256 = :t").param("t", token).query(Long.class).single())
                .as("tokens are stored only hashed").isZero();
    }

    @Test
    void aSecondRegistrationOfTheSameEmailLooksTheSameAndChangesNothing() {
        Response first = register(email, PASSWORD);
        Response second = register(email.toUpperCase(), "a different but fine passphrase");
        assertThat(second.status()).isEqualTo(first.status());
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(jdbc.sql("select count(*) from users where email = :e").param("e", email).query(Long.class).single()).isEqualTo(1);
        assertThat(signIn(PASSWORD).status()).isEqualTo(201);
        assertThat(signIn("a different but fine passphrase").status()).isEqualTo(401);
    }

    @Test
    void guessablePasswordsAreRefusedWithTheReason() {
        for (String weak : List.of("short", "password1", "P@ssw0rd!", "aaaaaaaaaaaa", "abcdefghij", "87654321",
                email.substring(0, email.indexOf('@')) + "1")) {
            Response response = register(email, weak);
            assertThat(response.status()).as(weak).isEqualTo(400);
            assertThat(response.body()).contains("\"field\":\"password\"");
        }
        assertThat(jdbc.sql("select count(*) from users where email = :e").param("e", email).query(Long.class).single()).isZero();
    }

    @Test
    void failedSignInsSlowDownThenLockTheAccountAndEndItsSessionsUntilTheLockRunsOut() throws Exception {
        register(email, PASSWORD);
        String earlier = (String) body(signIn(PASSWORD)).get("token");

        assertThat(signIn("wrong password one").status()).isEqualTo(401);
        assertThat(signIn("wrong password two").status()).isEqualTo(401);
        assertThat(signIn("wrong password three").status()).isEqualTo(401);
        Response tooSoon = signIn(PASSWORD);
        assertThat(tooSoon.status()).as("progressive delay after the free failures").isEqualTo(429);
        assertThat(tooSoon.header("retry-after")).isEqualTo("1");

        Thread.sleep(1100);
        assertThat(signIn("wrong password four").status()).isEqualTo(401);
        Thread.sleep(1100);
        assertThat(signIn("wrong password five").status()).isEqualTo(401);
        Response locked = signIn(PASSWORD);
        assertThat(locked.status()).as("locked even with the right password").isEqualTo(429);
        assertThat(Integer.parseInt(locked.header("retry-after"))).isBetween(1, 3);
        assertThat(awaitStatus(() -> client.get("/api/v1/me", earlier).status(), 401)).as("earlier session ended").isEqualTo(401);

        Thread.sleep(3100);
        assertThat(signIn(PASSWORD).status()).as("the lock has run out").isEqualTo(201);
        String accountId = jdbc.sql("select id::text from users where email = :e").param("e", email).query(String.class).single();
        assertThat(events(accountId).stream().filter(e -> e.endsWith("account.locked")).count()).isEqualTo(1);
        assertThat(events(accountId).stream().filter(e -> e.endsWith("session.login-failed")).count()).isEqualTo(6);
    }

    @Test
    void oneAddressFailingTooOftenMustWaitOutTheWindow() {
        for (int i = 0; i < 8; i++) {
            assertThat(client.post("/api/v1/sessions", Map.of("email", "nobody-" + i + "@example.org", "password", "whatever it is")).status())
                    .isEqualTo(401);
        }
        Response limited = client.post("/api/v1/sessions", Map.of("email", "nobody@example.org", "password", "whatever it is"));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(Integer.parseInt(limited.header("retry-after"))).isPositive();
    }

    @Test
    void registrationsPerAddressAreRateLimitedAndTheBucketRefills() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(register("burst-" + i + "-" + email, PASSWORD).status()).isEqualTo(202);
        }
        Response limited = register("burst-10-" + email, PASSWORD);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("content-type")).isEqualTo("application/problem+json");
        int retryAfter = Integer.parseInt(limited.header("retry-after"));
        assertThat(retryAfter).isBetween(1, 6);
        assertThat(jdbc.sql("select count(*) from users where email = :e").param("e", "burst-10-" + email).query(Long.class).single()).isZero();

        Thread.sleep(retryAfter * 1000L + 200);
        assertThat(register("burst-11-" + email, PASSWORD).status()).as("a token refilled").isEqualTo(202);
    }

    @Test
    void lockingAnAccountThroughSyncEndsItsSessionsOnEveryInstance(BackingServices services) throws Exception {
        register(email, PASSWORD);
        String token = (String) body(signIn(PASSWORD)).get("token");
        try (ConfigurableApplicationContext other = start(services, Map.of())) {
            GatewayClient b = new GatewayClient(port(other), "192.0.2.200");
            assertThat(b.get("/api/v1/me", token).status()).isEqualTo(200);
            String accountId = (String) body(client.get("/api/v1/me", token)).get("id");

            sync.publish(SyncMessage.ACCOUNT_LOCKED, accountId);

            assertThat(awaitStatus(() -> b.get("/api/v1/me", token).status(), 401)).isEqualTo(401);
            assertThat(client.get("/api/v1/me", token).status()).isEqualTo(401);
            assertThat(jdbc.sql("select end_reason from sessions where user_id = :id").param("id", UUID.fromString(accountId))
                    .query(String.class).single()).isEqualTo("ACCOUNT_LOCKED");
        }
    }

    @Test
    void aRevokedSessionEndsAndTheAccountsOtherSessionsStay() throws Exception {
        register(email, PASSWORD);
        String revoked = (String) body(signIn(PASSWORD)).get("token");
        String kept = (String) body(signIn(PASSWORD)).get("token");
        String accountId = (String) body(client.get("/api/v1/me", revoked)).get("id");
        UUID sessionId = jdbc.sql("select id from sessions where user_id = :id order by created_at limit 1")
                .param("id", UUID.fromString(accountId)).query(UUID.class).single();

        sync.publish(SyncMessage.SESSION_REVOKED, sessionId.toString());

        assertThat(awaitStatus(() -> client.get("/api/v1/me", revoked).status(), 401)).isEqualTo(401);
        assertThat(client.get("/api/v1/me", kept).status()).isEqualTo(200);
        assertThat(jdbc.sql("select end_reason from sessions where id = :id").param("id", sessionId).query(String.class).single())
                .isEqualTo("REVOKED");
    }

    @Test
    void withoutRedisLimitedEndpointsFailClosedAndTheRestWorks(BackingServices services) {
        try (ConfigurableApplicationContext noRedis = start(services, Map.of("spring.data.redis.url", "redis://127.0.0.1:1",
                "spring.data.redis.timeout", "500ms", "spring.data.redis.connect-timeout", "500ms"))) {
            GatewayClient c = new GatewayClient(port(noRedis), "192.0.2.201");
            assertThat(c.get("/health", null).status()).isEqualTo(200);
            assertThat(c.post("/api/v1/accounts", Map.of("email", email, "password", PASSWORD, "givenName", "Ada", "familyName", "Lovelace")).status())
                    .as("registration is rate limited, so it fails closed too").isEqualTo(503);
            Response refused = c.post("/api/v1/sessions", Map.of("email", email, "password", PASSWORD));
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.header("retry-after")).isEqualTo("5");
            assertThat(refused.header("content-type")).isEqualTo("application/problem+json");
        }
    }

    @Test
    void badInputIsAProblemAndWritesNothing() {
        long users = jdbc.sql("select count(*) from users").query(Long.class).single();
        List<Response> responses = new ArrayList<>();
        responses.add(client.post("/api/v1/accounts", "{\"email\": ", "application/json", null));
        responses.add(client.post("/api/v1/accounts", "{\"email\":42,\"password\":[1],\"givenName\":{},\"familyName\":true}", "application/json", null));
        responses.add(client.post("/api/v1/accounts", "{}", "application/json", null));
        responses.add(client.post("/api/v1/accounts", Map.of("email", email, "password", PASSWORD, "givenName", "A".repeat(101), "familyName", "L")));
        responses.add(client.post("/api/v1/accounts", Map.of("email", email, "password", PASSWORD, "givenName", "Ada", "familyName", "L", "role", "ADMIN")));
        responses.add(client.post("/api/v1/accounts", "{\"email\":\"" + "x".repeat(2_000_000) + "\"}", "application/json", null));
        responses.add(client.post("/api/v1/accounts", "email=a", "application/x-www-form-urlencoded", null));
        responses.add(client.post("/api/v1/sessions", "[]", "application/json", null));
        responses.add(client.post("/api/v1/sessions", Map.of("email", email)));
        responses.add(client.post("/api/v1/sessions", "{\"email\":\"a@b.c\",\"password\":\"x\",\"remember\":true}", "application/json", null));
        responses.add(client.post("/api/v1/sessions", "password", "text/plain", null));
        for (Response response : responses) {
            assertThat(response.status()).as(response.body()).isBetween(400, 499);
            assertThat(response.header("content-type")).isEqualTo("application/problem+json");
        }
        assertThat(jdbc.sql("select count(*) from users").query(Long.class).single()).isEqualTo(users);
    }

    @Test
    void healthAndOpenApiAnswer() {
        assertThat(client.get("/health", null).body()).contains("UP");
        assertThat(client.get("/v3/api-docs", null).body()).contains("/api/v1/accounts", "/api/v1/sessions");
    }

    private Response register(String address, String password) {
        return client.post("/api/v1/accounts", Map.of("email", address, "password", password, "givenName", "Ada", "familyName", "Lovelace"));
    }

    private Response signIn(String password) {
        return client.post("/api/v1/sessions", Map.of("email", email, "password", password));
    }

    private List<String> events(String accountId) {
        return jdbc.sql("select event_type from outbox_events where event_key = :key order by id").param("key", accountId)
                .query(String.class).list();
    }

    private static int awaitStatus(java.util.function.IntSupplier status, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        int last = status.getAsInt();
        while (last != expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
            last = status.getAsInt();
        }
        return last;
    }

    private static ConfigurableApplicationContext start(BackingServices services, Map<String, String> overrides) {
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=it", "--server.port=0"));
        services.springProperties(EnumSet.allOf(BackingService.class)).forEach((k, v) -> {
            if (!overrides.containsKey(k)) {
                args.add("--" + k + "=" + v);
            }
        });
        overrides.forEach((k, v) -> args.add("--" + k + "=" + v));
        return new SpringApplicationBuilder(GatewayApplication.class).run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }
}
