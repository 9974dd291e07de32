package uk.gov.digitalid.fraud.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import tools.jackson.databind.json.JsonMapper;
import uk.gov.digitalid.backing.BackingService;
import uk.gov.digitalid.backing.BackingServices;
import uk.gov.digitalid.backing.BackingServicesSettings;
import uk.gov.digitalid.commons.events.CloudEventCodec;
import uk.gov.digitalid.commons.events.EventType;
import uk.gov.digitalid.commons.events.EventTypes;
import uk.gov.digitalid.fraud.FraudAnalyticsApplication;

/**
 * Scoring throughput (scripts/bench-fraud-analytics.sh runs it; not part of the build): fills
 * {@code audit-logs} with a bounded number of events (default 200,000), reads them with a bare
 * kafka-clients consumer, then lets fraud-analytics consume → score → persist → commit the same
 * records, and prints both rates. Everything on this machine, embedded servers included. Arguments:
 * the number of events, then any {@code --property=value} for the service.
 */
public final class FraudLoadRun {

    private FraudLoadRun() {
    }

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        if (total < 1_000 || total > 1_000_000) {
            throw new IllegalArgumentException("events 1,000..1,000,000");
        }
        Path work = Files.createDirectories(Path.of("target/fraud-load-run"));
        var settings = new BackingServicesSettings(work.resolve("backing"), true, BackingServicesSettings.Mode.EMBEDDED, Map.of(), System.getenv());
        try (BackingServices services = new BackingServices(settings)) {
            String kafka = services.kafka().bootstrapServers();
            fill(kafka, total);

            long started = System.nanoTime();
            long read = 0;
            try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                    ConsumerConfig.GROUP_ID_CONFIG, "bare-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500), new StringDeserializer(), new ByteArrayDeserializer())) {
                consumer.subscribe(List.of("audit-logs"));
                while (read < total && System.nanoTime() - started < Duration.ofMinutes(5).toNanos()) {
                    read += consumer.poll(Duration.ofMillis(200)).count();
                }
            }
            double bareRate = read / ((System.nanoTime() - started) / 1e9);

            List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--management.server.port=0", "--logging.level.root=WARN",
                    "--digitalid.system-metrics.enabled=false", "--fraud.ingest.auto-startup=false", "--spring.main.banner-mode=off"));
            services.springProperties(EnumSet.allOf(BackingService.class)).forEach((k, v) -> arguments.add("--" + k + "=" + v));
            arguments.addAll(List.of(args).subList(Math.min(1, args.length), args.length));
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(FraudAnalyticsApplication.class).run(arguments.toArray(String[]::new))) {
                JdbcClient jdbc = app.getBean(JdbcClient.class);
                long begin = System.nanoTime();
                app.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer("audit-events").start();
                long stored = 0;
                while (stored < total && System.nanoTime() - begin < Duration.ofMinutes(10).toNanos()) {
                    Thread.sleep(100);
                    stored = jdbc.sql("select count(*) from audit_logs").query(Long.class).single();
                }
                double seconds = (System.nanoTime() - begin) / 1e9;
                long alerts = jdbc.sql("select count(*) from alerts").query(Long.class).single();
                double pipelineRate = stored / seconds;
                System.out.printf("machine: %d cores, %s, Java %s%n", Runtime.getRuntime().availableProcessors(), cpu(), System.getProperty("java.version"));
                System.out.printf("bare kafka-clients consumer: %,d events in %.1f s = %,.0f events/s%n", read, read / bareRate, bareRate);
                System.out.printf("fraud-analytics consume -> score -> persist -> commit: %,d events in %.1f s = %,.0f events/s (%.0f %% of bare), %d alerts%n",
                        stored, seconds, pipelineRate, 100 * pipelineRate / bareRate, alerts);
                for (Timer timer : app.getBean(MeterRegistry.class).find("fraud.ingest.phase").timers()) {
                    System.out.printf("  %-6s %,6d batches, mean %.1f ms, total %.1f s%n", timer.getId().getTag("phase"), timer.count(),
                            timer.mean(TimeUnit.MILLISECONDS), timer.totalTime(TimeUnit.SECONDS));
                }
            }
        }
    }

    /** A mix like production's: sign-ins (some failed), registrations, identity checks, relying-party verifications. */
    private static void fill(String kafka, int total) throws Exception {
        CloudEventCodec codec = new CloudEventCodec("load-run", JsonMapper.builder().build(), Clock.systemUTC());
        SplittableRandom random = new SplittableRandom(42);
        EventType[] types = {EventTypes.SESSION_LOGIN_SUCCEEDED, EventTypes.SESSION_LOGIN_FAILED, EventTypes.ACCOUNT_REGISTERED,
                EventTypes.IDENTITY_VERIFIED, EventTypes.CREDENTIAL_VERIFIED};
        long started = System.nanoTime();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 262_144, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < total; i++) {
                String account = "account-" + random.nextInt(50_000);
                String ip = "10.0." + random.nextInt(256) + "." + random.nextInt(256);
                EventType type = types[random.nextInt(types.length)];
                Map<String, Object> data = type == EventTypes.CREDENTIAL_VERIFIED
                        ? Map.of("clientId", "rp-" + random.nextInt(20), "valid", true)
                        : Map.of("accountId", account, "clientIp", ip);
                producer.send(new ProducerRecord<>("audit-logs", account, codec.serialize(codec.create(type, account, data))));
            }
        }
        System.out.printf("filled audit-logs with %,d events in %.1f s%n", total, (System.nanoTime() - started) / 1e9);
    }

    private static String cpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }
}
