package uk.gov.digitalid.commons.outbox;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * Migrates the outbox and processed-events tables into the service's schema, using the service's
 * own Flyway configuration (data source, schemas) but a separate history table and location, so
 * the library's versions and the service's never collide.
 */
public class OutboxSchema implements InitializingBean {

    public static final String HISTORY_TABLE = "platform_commons_schema_history";
    public static final String LOCATION = "classpath:db/platform-commons";
    private static final Logger log = LoggerFactory.getLogger(OutboxSchema.class);

    private final Flyway serviceFlyway;

    public OutboxSchema(Flyway serviceFlyway) {
        this.serviceFlyway = serviceFlyway;
    }

    @Override
    public void afterPropertiesSet() {
        MigrateResult result = Flyway.configure()
                .configuration(serviceFlyway.getConfiguration())
                // Only the data source and schema settings are the service's: not its migrations or target.
                .table(HISTORY_TABLE)
                .locations(LOCATION)
                .javaMigrations()
                .target("latest")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        if (result.migrationsExecuted > 0) {
            log.info("platform-commons tables migrated to version {}", result.targetSchemaVersion);
        }
    }
}
