package uk.gov.digitalid.backing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.digitalid.backing.BackingServicesSettings.Mode;
import uk.gov.digitalid.backing.kafka.KafkaConnection;
import uk.gov.digitalid.backing.kafka.KafkaServers;
import uk.gov.digitalid.backing.postgres.PostgresConnection;
import uk.gov.digitalid.backing.postgres.PostgresServers;
import uk.gov.digitalid.backing.redis.RedisConnection;
import uk.gov.digitalid.backing.redis.RedisServers;

/**
 * Finds or starts PostgreSQL, Redis and Kafka, each on first request, and stops what it started on
 * {@link #close()}. For each server: a URL from the environment first, then a Testcontainers
 * container when a Docker engine answers, else the embedded server. The choice is logged.
 */
public final class BackingServices implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BackingServices.class);

    private final BackingServicesSettings settings;
    private final Map<BackingService, Started<?>> started = new EnumMap<>(BackingService.class);
    private final List<BackingService> startOrder = new ArrayList<>();
    private boolean closed;

    public BackingServices(BackingServicesSettings settings) {
        this.settings = settings;
    }

    public BackingServicesSettings settings() {
        return settings;
    }

    public PostgresConnection postgres() {
        return (PostgresConnection) startService(BackingService.POSTGRES).connection();
    }

    public RedisConnection redis() {
        return (RedisConnection) startService(BackingService.REDIS).connection();
    }

    public KafkaConnection kafka() {
        return (KafkaConnection) startService(BackingService.KAFKA).connection();
    }

    /** Starts the given servers (each at most once) and returns what is running. */
    public synchronized Map<BackingService, Started<?>> start(Set<BackingService> services) {
        for (BackingService service : BackingService.values()) {
            if (services.contains(service)) {
                startService(service);
            }
        }
        return Collections.unmodifiableMap(new EnumMap<>(started));
    }

    /** The servers started so far, in start order. */
    public synchronized Map<BackingService, Started<?>> running() {
        Map<BackingService, Started<?>> running = new LinkedHashMap<>();
        startOrder.forEach(s -> running.put(s, started.get(s)));
        return running;
    }

    /**
     * The Spring Boot properties that point an application at the given servers, starting them if
     * needed: {@code spring.datasource.*}, {@code spring.data.redis.url} and
     * {@code spring.kafka.bootstrap-servers}.
     */
    /** {@link #springProperties} of all three as command-line arguments ({@code --key=value}) for a service's jar. */
    public List<String> springArguments() {
        List<String> arguments = new ArrayList<>();
        springProperties(EnumSet.allOf(BackingService.class)).forEach((key, value) -> arguments.add("--" + key + "=" + value));
        return arguments;
    }

    public synchronized Map<String, String> springProperties(Set<BackingService> services) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (services.contains(BackingService.POSTGRES)) {
            PostgresConnection pg = postgres();
            properties.put("spring.datasource.url", pg.jdbcUrl());
            properties.put("spring.datasource.username", pg.username());
            properties.put("spring.datasource.password", pg.password());
        }
        if (services.contains(BackingService.REDIS)) {
            properties.put("spring.data.redis.url", redis().url());
        }
        if (services.contains(BackingService.KAFKA)) {
            properties.put("spring.kafka.bootstrap-servers", kafka().bootstrapServers());
        }
        return properties;
    }

    private synchronized Started<?> startService(BackingService service) {
        if (closed) {
            throw new IllegalStateException("Backing services were already stopped");
        }
        Started<?> running = started.get(service);
        if (running == null) {
            running = switch (service) {
                case POSTGRES -> resolve(service, BackingServicesSettings.POSTGRES_URL_VARIABLE, PostgresConnection::parse,
                        PostgresServers::container, () -> PostgresServers.embedded(settings));
                case REDIS -> resolve(service, BackingServicesSettings.REDIS_URL_VARIABLE, RedisConnection::parse,
                        RedisServers::container, () -> RedisServers.embedded(settings));
                case KAFKA -> resolve(service, BackingServicesSettings.KAFKA_BOOTSTRAP_VARIABLE, KafkaConnection::parse,
                        KafkaServers::container, () -> KafkaServers.embedded(settings));
            };
            started.put(service, running);
            startOrder.add(service);
            log.info("{} {} from {} at {} (ready in {} ms)", service.displayName(), running.version(),
                    running.source(), running.connection(), running.startup().toMillis());
        }
        return running;
    }

    private <C> Started<C> resolve(BackingService service, String variable, Function<String, C> parse,
                                   Supplier<Started<C>> container, Supplier<Started<C>> embedded) {
        String url = settings.environment().get(variable);
        if (url != null && !url.isBlank()) {
            log.info("{}: using the server given by {}", service.displayName(), variable);
            return Started.external(parse.apply(url));
        }
        if (settings.mode() != Mode.EMBEDDED && DockerProbe.dockerAvailable()) {
            log.info("{}: starting a Testcontainers container", service.displayName());
            return container.get();
        }
        if (settings.mode() == Mode.CONTAINERS) {
            throw new IllegalStateException(BackingServicesSettings.MODE_VARIABLE
                    + "=containers but no Docker engine answers");
        }
        log.info("{}: starting the embedded server under {}", service.displayName(), settings.directory(service));
        return embedded.get();
    }

    /** Stops every server this instance started, last started first. Servers from the environment are left alone. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = startOrder.size() - 1; i >= 0; i--) {
            BackingService service = startOrder.get(i);
            try {
                started.get(service).close();
            } catch (Exception e) {
                log.warn("{} did not stop cleanly: {}", service.displayName(), e.toString());
            }
        }
        if (!startOrder.isEmpty()) {
            log.info("Backing services stopped: {}", startOrder);
        }
    }
}
