package uk.gov.digitalid.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.digitalid.gateway.GatewayClient.body;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import uk.gov.digitalid.backing.junit.WithBackingServices;
import uk.gov.digitalid.gateway.GatewayClient;
import uk.gov.digitalid.gateway.GatewayClient.Response;

/** The admin API: operator sign-in with TOTP, the role check on every route, and each action audited with its operator. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@WithBackingServices
class AdminApiIT {

    private static FraudAnalyticsStub upstream;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) throws Exception {
        upstream = new FraudAnalyticsStub();
        registry.add("gateway.upstreams.fraud-analytics-url", upstream::url);
        registry.add("gateway.upstreams.identity-core-url", upstream::url);
    }

    @AfterAll
    static void stop() {
        upstream.close();
    }

    @LocalServerPort int port;
    @Autowired Operators operators;
    @Autowired JdbcClient jdbc;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    GatewayClient client;
    Operators.Created operator;

    @BeforeEach
    void operatorAndClient() {
        client = new GatewayClient(port, "192.0.2." + (10 + (int) (Math.random() * 200)));
        operator = operators.create("ops-" + UUID.randomUUID() + "@example.gov.uk");
    }

    @Test
    void operatorsSignInWithPasswordAndAFreshCodeOnce() {
        String code = Totp.code(operator.totpSecret(), Instant.now());
        String wrong = String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
        assertThat(signIn(operator.password(), wrong).status()).isEqualTo(401);
        assertThat(signIn("not the password", code).status()).isEqualTo(401);
        Response signedIn = signIn(operator.password(), code);
        assertThat(signedIn.status()).isEqualTo(201);
        assertThat(body(signedIn)).containsEntry("role", "ADMIN");
        assertThat(signIn(operator.password(), code).status()).as("a code is accepted once").isEqualTo(401);

        String token = (String) body(signedIn).get("token");
        assertThat(body(client.get("/api/v1/admin/me", token))).containsEntry("operator", operator.operator().email());
        assertThat(client.delete("/api/v1/admin/sessions/current", token).status()).isEqualTo(204);
        assertThat(client.get("/api/v1/admin/me", token).status()).isEqualTo(401);
    }

    @Test
    void citizenSessionsGet403AndNoSession401OnEveryAdminRoute() {
        String citizen = citizenToken("someone-" + UUID.randomUUID() + "@example.org");
        List<String[]> routes = adminRoutes();
        assertThat(routes).hasSizeGreaterThanOrEqualTo(12);
        for (String[] route : routes) {
            Response asCitizen = send(route[0], route[1], citizen);
            assertThat(asCitizen.status()).as("%s %s as a citizen", route[0], route[1]).isEqualTo(403);
            assertThat(asCitizen.header("content-type")).startsWith("application/problem+json");
            assertThat(send(route[0], route[1], null).status()).as("%s %s signed out", route[0], route[1]).isEqualTo(401);
        }
    }

    @Test
    void lockingEndsTheCitizensSessionsAndUnlockingLetsThemBackEachNamingTheOperator() {
        String email = "locked-" + UUID.randomUUID() + "@example.org";
        String citizen = citizenToken(email);
        String accountId = (String) body(client.get("/api/v1/me", citizen)).get("id");
        String admin = adminToken();

        List<Map<String, Object>> found = list(client.get("/api/v1/admin/accounts?email=" + email.substring(0, 12), admin));
        assertThat(found).extracting(a -> a.get("id")).contains(accountId);

        Response locked = client.post("/api/v1/admin/accounts/" + accountId + "/lock", "{\"reason\":\"fraud alert confirmed\"}", "application/json", admin);
        assertThat(locked.status()).as(locked.body()).isEqualTo(200);
        assertThat(body(locked)).containsEntry("sessionsEnded", 1);
        assertThat(client.get("/api/v1/me", citizen).status()).isEqualTo(401);
        assertThat(client.post("/api/v1/sessions", Map.of("email", email, "password", "a perfectly fine passphrase")).status()).isNotEqualTo(201);

        Response unlocked = client.post("/api/v1/admin/accounts/" + accountId + "/unlock", "{\"reason\":\"cleared\"}", "application/json", admin);
        assertThat(unlocked.status()).isEqualTo(200);
        assertThat(client.post("/api/v1/sessions", Map.of("email", email, "password", "a perfectly fine passphrase")).status()).isEqualTo(201);

        assertThat(jdbc.sql("select event_type, convert_from(payload, 'UTF8') from outbox_events where event_key = :key and event_type like '%account.%locked'")
                .param("key", accountId).query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).list())
                .hasSize(2).allSatisfy(event -> assertThat(event).contains(operator.operator().email()));
        assertThat(client.post("/api/v1/admin/accounts/" + UUID.randomUUID() + "/lock", "{\"reason\":\"x\"}", "application/json", admin).status())
                .isEqualTo(404);
        assertThat(client.post("/api/v1/admin/accounts/" + accountId + "/lock", "{}", "application/json", admin).status())
                .as("a reason is required").isEqualTo(400);
    }

    @Test
    void alertActionsAndRevocationsReachTheirServicesWithTheOperatorNamed() {
        String admin = adminToken();
        assertThat(list(client.get("/api/v1/admin/alerts?status=OPEN", admin))).extracting(a -> a.get("id")).containsExactly(FraudAnalyticsStub.ALERT.toString());
        assertThat(client.get("/api/v1/admin/alerts?status=WHATEVER", admin).status()).isEqualTo(400);
        assertThat(body(client.get("/api/v1/admin/alerts/" + FraudAnalyticsStub.ALERT, admin))).containsEntry("status", "OPEN");
        assertThat(client.get("/api/v1/admin/alerts/" + UUID.randomUUID(), admin).status()).isEqualTo(404);

        Response acknowledged = client.post("/api/v1/admin/alerts/" + FraudAnalyticsStub.ALERT + "/acknowledge", "{\"note\":\"looking\"}", "application/json", admin);
        assertThat(acknowledged.status()).isEqualTo(200);
        assertThat(body(acknowledged)).containsEntry("acknowledgedBy", operator.operator().email());
        assertThat(upstream.received).anyMatch(r -> r.startsWith("POST /v1/alerts/" + FraudAnalyticsStub.ALERT + "/acknowledge")
                && r.contains(operator.operator().email()));
        assertThat(client.post("/api/v1/admin/alerts/" + UUID.randomUUID() + "/resolve", "{}", "application/json", admin).status())
                .as("fraud-analytics' 404 passed on").isEqualTo(404);

        Response revoked = client.post("/api/v1/admin/credentials/" + FraudAnalyticsStub.CREDENTIAL + "/revoke", "{\"note\":\"lost device\"}", "application/json", admin);
        assertThat(body(revoked)).containsEntry("status", "REVOKED");

        assertThat(jdbc.sql("select event_type from outbox_events where event_key = :key order by id").param("key", FraudAnalyticsStub.SUBJECT)
                .query(String.class).list()).contains("uk.gov.digitalid.fraud.alert-acknowledged", "uk.gov.digitalid.credential.revocation-requested");
        assertThat(body(client.get("/api/v1/admin/audit-log/verification", admin))).containsEntry("intact", true);
        assertThat(list(client.get("/api/v1/admin/system-health", admin))).hasSize(1);
    }

    private List<String[]> adminRoutes() {
        List<String[]> routes = new ArrayList<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream().filter(p -> p.startsWith("/api/v1/admin/")).forEach(pattern -> {
            for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                if (method == RequestMethod.POST && pattern.equals("/api/v1/admin/sessions")) {
                    continue; // signing in is the one open admin route
                }
                String path = pattern.replaceAll("\\{subject}", "someone").replaceAll("\\{[a-zA-Z]+}", UUID.randomUUID().toString());
                routes.add(new String[] {method.name(), path + (path.endsWith("/accounts") ? "?email=abcdef" : "")});
            }
        }));
        return routes;
    }

    private Response send(String method, String path, String token) {
        return switch (method) {
            case "GET" -> client.get(path, token);
            case "DELETE" -> client.delete(path, token);
            default -> client.post(path, "{\"reason\":\"r\",\"note\":\"n\"}", "application/json", token);
        };
    }

    private Response signIn(String password, String code) {
        return client.post("/api/v1/admin/sessions", Map.of("email", operator.operator().email(), "password", password, "code", code));
    }

    private String adminToken() {
        return (String) body(signIn(operator.password(), Totp.code(operator.totpSecret(), Instant.now()))).get("token");
    }

    private String citizenToken(String email) {
        client.post("/api/v1/accounts", Map.of("email", email, "password", "a perfectly fine passphrase", "givenName", "Ada", "familyName", "Byron"));
        return (String) body(client.post("/api/v1/sessions", Map.of("email", email, "password", "a perfectly fine passphrase"))).get("token");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Response response) {
        return (List<Map<String, Object>>) (List<?>) tools.jackson.databind.json.JsonMapper.builder().build().readValue(response.body(), List.class);
    }
}
