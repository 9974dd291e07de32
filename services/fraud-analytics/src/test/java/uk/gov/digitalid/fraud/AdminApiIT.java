package uk.gov.digitalid.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.digitalid.fraud.FraudTestEvents.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.gov.digitalid.backing.junit.WithBackingServices;
import uk.gov.digitalid.commons.events.CloudEventCodec;
import uk.gov.digitalid.commons.events.CloudEventSender;
import uk.gov.digitalid.commons.events.EventTypes;
import uk.gov.digitalid.commons.events.Topics;

/** The API the admin dashboard uses through the gateway: alerts, risk summary, audit trail, system metrics. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@WithBackingServices
class AdminApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired CloudEventSender sender;
    @Autowired CloudEventCodec codec;
    @Autowired JdbcClient jdbc;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void alertsAreListedAcknowledgedAndResolvedByANamedOperator() throws Exception {
        String account = UUID.randomUUID().toString();
        FraudTestEvents events = new FraudTestEvents(sender, codec);
        for (int i = 0; i < 5; i++) {
            events.publish(EventTypes.SESSION_LOGIN_FAILED, account, Map.of("accountId", account, "reason", "wrong-password", "clientIp", "192.0.2.77"));
        }
        await("an alert", Duration.ofSeconds(60), () -> jdbc.sql("select count(*) from alerts where subject = :s").param("s", account)
                .query(Long.class).single() > 0);

        JsonNode open = get("/v1/alerts?status=OPEN&subject=" + account);
        assertThat(open.size()).isEqualTo(1);
        String id = open.get(0).get("id").asString();
        assertThat(open.get(0).get("rule").asString()).isEqualTo("failed-sign-ins-per-account");
        assertThat(open.get(0).get("severity").asString()).isEqualTo("HIGH");

        HttpResponse<String> acknowledged = post("/v1/alerts/" + id + "/acknowledge", "{\"operator\":\"ops@example.gov.uk\"}");
        assertThat(acknowledged.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(acknowledged.body()).get("acknowledgedBy").asString()).isEqualTo("ops@example.gov.uk");
        assertThat(post("/v1/alerts/" + id + "/acknowledge", "{\"operator\":\"ops@example.gov.uk\"}").statusCode()).as("only an open alert").isEqualTo(409);

        HttpResponse<String> resolved = post("/v1/alerts/" + id + "/resolve", "{\"operator\":\"lead@example.gov.uk\",\"note\":\"customer forgot password\"}");
        assertThat(JSON.readTree(resolved.body()).get("status").asString()).isEqualTo("RESOLVED");
        assertThat(post("/v1/alerts/" + id + "/resolve", "{\"operator\":\"lead@example.gov.uk\"}").statusCode()).isEqualTo(409);
        assertThat(post("/v1/alerts/" + id + "/resolve", "{}").statusCode()).as("the operator is required").isEqualTo(400);
        assertThat(post("/v1/alerts/" + UUID.randomUUID() + "/resolve", "{\"operator\":\"x\"}").statusCode()).isEqualTo(404);
        assertThat(get("/v1/alerts?status=OPEN&subject=" + account).size()).isZero();
        assertThat(get("/v1/alerts/" + id).get("resolution").asString()).isEqualTo("customer forgot password");
        assertThat(getStatus("/v1/alerts/" + UUID.randomUUID())).isEqualTo(404);
        assertThat(getStatus("/v1/alerts?status=WHATEVER")).isEqualTo(400);

        JsonNode risk = get("/v1/accounts/" + account + "/risk");
        assertThat(risk.get("auditEvents").asLong()).isEqualTo(5);
        assertThat(risk.get("openAlerts").asLong()).isZero();
    }

    @Test
    void aSubjectsTrailComesWithItsChainStatus() throws Exception {
        String account = UUID.randomUUID().toString();
        FraudTestEvents events = new FraudTestEvents(sender, codec);
        events.publish(EventTypes.ACCOUNT_REGISTERED, account, Map.of("accountId", account, "clientIp", "192.0.2.8"));
        events.publish(EventTypes.SESSION_LOGIN_SUCCEEDED, account, Map.of("accountId", account, "clientIp", "192.0.2.8"));
        await("two rows", Duration.ofSeconds(60), () -> jdbc.sql("select count(*) from audit_logs where subject = :s").param("s", account)
                .query(Long.class).single() == 2);

        JsonNode trail = get("/v1/audit-trail/" + account);
        assertThat(trail.get("chainIntact").asBoolean()).isTrue();
        assertThat(trail.get("events").valueStream().map(e -> e.get("type").asString()))
                .containsExactly("uk.gov.digitalid.session.login-succeeded", "uk.gov.digitalid.account.registered");
        assertThat(get("/v1/audit-log/verification").get("intact").asBoolean()).isTrue();
        assertThat(getStatus("/v1/audit-trail/" + "x".repeat(300))).isEqualTo(400);
    }

    @Test
    void theLatestSnapshotOfEachServiceIsKept() throws Exception {
        String service = "svc-" + UUID.randomUUID();
        for (String status : new String[] {"DOWN", "UP"}) {
            var event = codec.create(EventTypes.SYSTEM_METRICS_REPORTED, service, Map.of("service", service, "instance", "pod-1", "status", status));
            sender.send(Topics.SYSTEM_METRICS, service, codec.serialize(event), Map.of()).get();
            Thread.sleep(5);
        }
        await("the snapshot", Duration.ofSeconds(60), () -> {
            try {
                JsonNode latest = get("/v1/system-metrics");
                for (JsonNode snapshot : latest) {
                    if (snapshot.get("service").asString().equals(service) && snapshot.get("snapshot").get("status").asString().equals("UP")) {
                        return true;
                    }
                }
                return false;
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private int getStatus(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
