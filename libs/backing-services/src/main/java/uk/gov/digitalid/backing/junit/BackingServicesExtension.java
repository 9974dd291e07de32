package uk.gov.digitalid.backing.junit;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import uk.gov.digitalid.backing.BackingService;
import uk.gov.digitalid.backing.BackingServices;
import uk.gov.digitalid.backing.kafka.KafkaConnection;
import uk.gov.digitalid.backing.postgres.PostgresConnection;
import uk.gov.digitalid.backing.redis.RedisConnection;

/**
 * Starts the servers a {@link WithBackingServices} class asks for before its tests, once per test
 * run: the shared instance is kept in the root context store, which JUnit closes when the run ends.
 */
public class BackingServicesExtension implements BeforeAllCallback, ParameterResolver {

    private static final List<Class<?>> RESOLVABLE =
            List.of(BackingServices.class, PostgresConnection.class, RedisConnection.class, KafkaConnection.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        shared(context).services().start(requested(context));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return RESOLVABLE.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        BackingServices services = shared(context).services();
        Class<?> type = parameter.getParameter().getType();
        if (type == PostgresConnection.class) {
            return services.postgres();
        }
        if (type == RedisConnection.class) {
            return services.redis();
        }
        if (type == KafkaConnection.class) {
            return services.kafka();
        }
        return services;
    }

    static Set<BackingService> requested(ExtensionContext context) {
        return AnnotationSupport.findAnnotation(context.getRequiredTestClass(), WithBackingServices.class,
                        context.getEnclosingTestClasses())
                .map(a -> a.value().length == 0 ? EnumSet.noneOf(BackingService.class) : EnumSet.copyOf(List.of(a.value())))
                .orElseGet(() -> EnumSet.allOf(BackingService.class));
    }

    private static SharedBackingServices shared(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(BackingServicesExtension.class))
                .computeIfAbsent(SharedBackingServices.class, key -> SharedBackingServices.instance(),
                        SharedBackingServices.class);
    }
}
