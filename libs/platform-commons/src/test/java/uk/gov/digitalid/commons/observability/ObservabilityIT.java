package uk.gov.digitalid.commons.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import uk.gov.digitalid.backing.BackingService;
import uk.gov.digitalid.backing.BackingServices;
import uk.gov.digitalid.backing.junit.WithBackingServices;
import uk.gov.digitalid.backing.junit.KafkaTopicReader;
import uk.gov.digitalid.commons.events.CloudEventCodec;
import uk.gov.digitalid.commons.events.Topics;
import uk.gov.digitalid.commons.testapp.CommonsTestApplication;
import uk.gov.digitalid.commons.testapp.LightNode;

@SpringBootTest(classes = CommonsTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithBackingServices
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityIT {

    @LocalManagementPort int managementPort;
    @Autowired ApplicationContext context;
    @Autowired CloudEventCodec codec;
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void systemMetricsSnapshotsArriveOnKafka(BackingServices services) {
        // Snapshots report whatever health the instance has at the time (a busy start may be DOWN):
        // wait for one that says UP.
        var records = KafkaTopicReader.readUntil(services.kafka().bootstrapServers(), Topics.SYSTEM_METRICS,
                r -> r.stream().anyMatch(this::upSnapshotOfThisService), Duration.ofSeconds(30));
        var record = records.stream().filter(this::upSnapshotOfThisService).findFirst().orElseThrow();
        CloudEvent event = codec.deserialize(record.value());

        assertThat(event.getType()).isEqualTo("uk.gov.digitalid.system.metrics-reported");
        SystemMetricsSnapshot snapshot = codec.data(event, SystemMetricsSnapshot.class);
        assertThat(snapshot.service()).isEqualTo("commons-test");
        assertThat(snapshot.env()).isEqualTo("test");
        assertThat(snapshot.gauges()).containsKeys("jvm.memory.used", "jvm.threads.live", "process.uptime");
        assertThat(snapshot.gauges().get("jvm.memory.used")).isPositive();
        assertThat(new String(record.headers().lastHeader("content-type").value())).isEqualTo("application/cloudevents+json");
    }

    private boolean upSnapshotOfThisService(org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> record) {
        return "commons-test".equals(record.key())
                && "UP".equals(codec.data(codec.deserialize(record.value()), SystemMetricsSnapshot.class).status());
    }

    @Test
    void prometheusMetricsCarryServiceAndEnvTagsOnTheManagementPort() throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus"))
                .build(), BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes{").contains("env=\"test\"").contains("service=\"commons-test\"");
    }

    @Test
    void probesAnswerOnTheManagementPort() throws Exception {
        for (String probe : List.of("liveness", "readiness")) {
            var response = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/" + probe)).build(), BodyHandlers.ofString());
            assertThat(response.statusCode()).as(probe).isEqualTo(200);
            assertThat(response.body()).contains("\"UP\"");
        }
    }

    @Test
    void nothingIsExportedOverOtlpWithoutAnEndpoint() {
        assertThat(otlpExporters(context)).isEmpty();
    }

    @Test
    void tracesAreExportedOverOtlpOnceAnEndpointIsSet(BackingServices services) {
        Map<String, String> properties = new HashMap<>(services.springProperties(EnumSet.of(BackingService.REDIS, BackingService.KAFKA)));
        properties.put("management.opentelemetry.tracing.export.otlp.endpoint", "http://127.0.0.1:4318/v1/traces");
        try (ConfigurableApplicationContext traced = LightNode.start(properties)) {
            assertThat(otlpExporters(traced)).anyMatch(name -> name.contains("Span"));
        }
    }

    @Test
    void containerProfileLogsEcsJson(BackingServices services, CapturedOutput output) {
        Map<String, String> properties = new HashMap<>(services.springProperties(EnumSet.of(BackingService.REDIS, BackingService.KAFKA)));
        properties.put("spring.profiles.active", "container");
        properties.put("spring.application.name", "ecs-check");
        // logback-test.xml would otherwise replace Boot's own console set-up.
        properties.put("logging.config", "classpath:logback-structured-console.xml");
        try (ConfigurableApplicationContext ignored = LightNode.start(properties)) {
            String started = output.getOut().lines()
                    .filter(line -> line.contains("\"message\":\"Started ")).findFirst().orElseThrow();
            assertThat(started).startsWith("{").endsWith("}")
                    .contains("\"service\":{\"name\":\"ecs-check\"").contains("\"ecs\":{\"version\"");
        }
    }

    private static List<String> otlpExporters(ApplicationContext context) {
        var exporters = new java.util.ArrayList<String>();
        context.getBeansOfType(SpanExporter.class).values().forEach(e -> exporters.add(e.getClass().getSimpleName()));
        context.getBeansOfType(LogRecordExporter.class).values().forEach(e -> exporters.add(e.getClass().getSimpleName()));
        return exporters.stream().filter(name -> name.startsWith("Otlp")).toList();
    }
}
