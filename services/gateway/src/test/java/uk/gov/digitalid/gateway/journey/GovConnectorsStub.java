package uk.gov.digitalid.gateway.journey;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.json.JsonMapper;

/**
 * gov-connectors' internal API as the gateway's contract describes it, answered on loopback for one
 * known citizen: Ada Lovelace, born 1985-12-10, NINO AB123456C, licence LOVEL812105A99AB.
 */
final class GovConnectorsStub implements AutoCloseable {

    private final HttpServer server;
    private final JsonMapper json = JsonMapper.builder().build();
    final List<Map<?, ?>> received = new CopyOnWriteArrayList<>();

    GovConnectorsStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/hmrc/individuals/match", exchange -> answer(exchange, request -> {
            boolean matched = "AB123456C".equals(request.get("nino")) && "Lovelace".equals(request.get("familyName"))
                    && "1985-12-10".equals(request.get("dateOfBirth"));
            return Map.of("matched", matched, "reasons", matched ? List.of() : List.of("NO_MATCH"));
        }));
        server.createContext("/v1/dvla/driving-licences/verify", exchange -> answer(exchange, request -> {
            boolean valid = "LOVEL812105A99AB".equals(request.get("licenceNumber")) && "1985-12-10".equals(request.get("dateOfBirth"));
            return Map.of("valid", valid, "status", valid ? "VALID" : "NOT_FOUND", "reasons", List.of());
        }));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange, java.util.function.Function<Map<?, ?>, Map<String, Object>> handler) throws IOException {
        Map<?, ?> request = json.readValue(exchange.getRequestBody().readAllBytes(), Map.class);
        received.add(request);
        byte[] body = json.writeValueAsBytes(handler.apply(request));
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
