package uk.gov.digitalid.backing.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import uk.gov.digitalid.backing.BackingService;

/**
 * Gives a test class real backing servers, shared by every test class of the run. Test methods may
 * take {@code PostgresConnection}, {@code RedisConnection}, {@code KafkaConnection} or
 * {@code BackingServices} parameters; a Spring test gets {@code spring.datasource.*},
 * {@code spring.data.redis.url} and {@code spring.kafka.bootstrap-servers} set.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(BackingServicesExtension.class)
public @interface WithBackingServices {

    /** The servers this test needs; only these are started. */
    BackingService[] value() default {BackingService.POSTGRES, BackingService.REDIS, BackingService.KAFKA};
}
