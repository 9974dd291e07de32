package uk.gov.digitalid.govconnectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;

/** A WireMock server on loopback replaying the documented upstream examples under {@code upstream-examples/}. */
public final class RecordedUpstream {

    private RecordedUpstream() {
    }

    public static WireMockServer start() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        return server;
    }

    /** The same kind of client the service builds (JDK HttpClient), on HTTP/1.1 as WireMock serves it. */
    public static RestClient client(String baseUrl) {
        return RestClient.builder().baseUrl(baseUrl)
                .requestFactory(new JdkClientHttpRequestFactory(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build())).build();
    }

    public static String example(String name) {
        try (InputStream in = RecordedUpstream.class.getResourceAsStream("/upstream-examples/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no example " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
