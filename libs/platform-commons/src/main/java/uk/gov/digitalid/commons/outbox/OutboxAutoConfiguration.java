package uk.gov.digitalid.commons.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import uk.gov.digitalid.commons.events.CloudEventCodec;
import uk.gov.digitalid.commons.events.CloudEventSender;
import uk.gov.digitalid.commons.events.EventsAutoConfiguration;
import uk.gov.digitalid.commons.inbox.ProcessedEvents;

/**
 * Outbox and processed-events tables, writer, relay and idempotent-consumer helper, for services
 * that own a schema (a DataSource migrated by Flyway).
 */
@AutoConfiguration(after = {FlywayAutoConfiguration.class, JdbcClientAutoConfiguration.class,
        TransactionAutoConfiguration.class, EventsAutoConfiguration.class})
@ConditionalOnClass({Flyway.class, JdbcClient.class})
@ConditionalOnBean({DataSource.class, Flyway.class, JdbcClient.class, TransactionTemplate.class})
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

    /** Runs after the service's own migrations: {@code FlywayMigrationInitializer} is created first. */
    @Bean
    OutboxSchema outboxSchema(Flyway flyway, ObjectProvider<FlywayMigrationInitializer> serviceMigrations) {
        serviceMigrations.ifAvailable(initializer -> { });
        return new OutboxSchema(flyway);
    }

    @Bean
    EventOutbox eventOutbox(OutboxSchema schema, JdbcClient jdbc, CloudEventCodec codec, JsonMapper json,
                            ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new EventOutbox(jdbc, codec, traceContext(tracer, propagator), json);
    }

    private static TraceContextCapture traceContext(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        Tracer currentTracer = tracer.getIfAvailable();
        Propagator currentPropagator = propagator.getIfAvailable();
        return currentTracer == null || currentPropagator == null
                ? TraceContextCapture.none() : TraceContextCapture.of(currentTracer, currentPropagator);
    }

    @Bean
    OutboxRelay outboxRelay(OutboxSchema schema, JdbcClient jdbc, TransactionTemplate transactions, CloudEventSender sender,
                            OutboxProperties properties, JsonMapper json, ObjectProvider<Clock> clock) {
        return new OutboxRelay(jdbc, transactions, sender, properties, json, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    OutboxBacklogMetrics outboxBacklogMetrics(OutboxSchema schema, JdbcClient jdbc, ObjectProvider<Clock> clock) {
        return new OutboxBacklogMetrics(jdbc, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    AuditEvents auditEvents(EventOutbox outbox, CloudEventCodec codec, TransactionTemplate transactions, CloudEventSender sender,
                            ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator, ObjectProvider<MeterRegistry> meters) {
        return new AuditEvents(outbox, codec, transactions, sender, traceContext(tracer, propagator),
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    ProcessedEvents processedEvents(OutboxSchema schema, JdbcClient jdbc, TransactionTemplate transactions) {
        return new ProcessedEvents(jdbc, transactions);
    }
}
