package uk.gov.digitalid.gateway.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.json.JsonMapper;

/**
 * fraud-analytics' and identity-core's admin-facing APIs as the gateway's clients describe them,
 * answered on loopback with one known alert and one known credential; records what it was sent.
 */
final class FraudAnalyticsStub implements AutoCloseable {

    static final UUID ALERT = UUID.fromString("6f1f8c1e-3c43-4c0e-9a65-0b7c1f1f0a01");
    static final UUID CREDENTIAL = UUID.fromString("9d1e5b7a-2f4c-4b8e-8c1d-3e2f1a0b9c02");
    static final String SUBJECT = "4a8b2c1d-0e9f-4a3b-8c7d-6e5f4a3b2c1d";

    private final HttpServer server;
    private final JsonMapper json = JsonMapper.builder().build();
    final List<String> received = new CopyOnWriteArrayList<>();

    FraudAnalyticsStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes());
        received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + body);
        Object answer;
        int status = 200;
        if (path.equals("/v1/alerts")) {
            answer = List.of(alert("OPEN", null));
        } else if (path.equals("/v1/alerts/" + ALERT)) {
            answer = alert("OPEN", null);
        } else if (path.equals("/v1/alerts/" + ALERT + "/acknowledge")) {
            answer = alert("ACKNOWLEDGED", json.readTree(body).get("operator").asString());
        } else if (path.equals("/v1/alerts/" + ALERT + "/resolve")) {
            answer = alert("RESOLVED", json.readTree(body).get("operator").asString());
        } else if (path.startsWith("/v1/alerts/")) {
            status = 404;
            answer = Map.of("type", "about:blank", "status", 404, "detail", "No such alert.");
        } else if (path.startsWith("/v1/accounts/") && path.endsWith("/risk")) {
            answer = Map.of("openAlerts", 1, "highestOpenScore", 0.95);
        } else if (path.startsWith("/v1/audit-trail/")) {
            answer = Map.of("subject", path.substring("/v1/audit-trail/".length()), "chainIntact", true, "events", List.of());
        } else if (path.equals("/v1/audit-log/verification")) {
            answer = Map.of("intact", true, "rowsChecked", 3);
        } else if (path.equals("/v1/system-metrics")) {
            answer = List.of(Map.of("service", "gateway", "instance", "pod-1", "snapshot", Map.of("status", "UP")));
        } else if (path.equals("/v1/credentials")) {
            answer = List.of();
        } else if (path.equals("/v1/credentials/" + CREDENTIAL)) {
            answer = Map.of("id", CREDENTIAL.toString(), "subjectId", SUBJECT, "status", "ACTIVE");
        } else if (path.equals("/v1/credentials/" + CREDENTIAL + "/revocation")) {
            answer = Map.of("id", CREDENTIAL.toString(), "subjectId", SUBJECT, "status", "REVOKED");
        } else {
            status = 404;
            answer = Map.of("type", "about:blank", "status", 404, "detail", "Not found.");
        }
        byte[] bytes = json.writeValueAsBytes(answer);
        exchange.getResponseHeaders().set("Content-Type", status == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Map<String, Object> alert(String status, String operator) {
        return operator == null
                ? Map.of("id", ALERT.toString(), "subject", SUBJECT, "rule", "failed-sign-ins-per-account-critical", "severity", "CRITICAL", "status", status)
                : Map.of("id", ALERT.toString(), "subject", SUBJECT, "rule", "failed-sign-ins-per-account-critical", "severity", "CRITICAL",
                        "status", status, "acknowledgedBy", operator);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
