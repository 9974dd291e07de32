package uk.gov.digitalid.backing.spring;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;
import uk.gov.digitalid.backing.BackingService;
import uk.gov.digitalid.backing.junit.SharedBackingServices;
import uk.gov.digitalid.backing.junit.WithBackingServices;

/**
 * Points the application context of a {@link WithBackingServices} test at the shared servers.
 * Registered in {@code META-INF/spring.factories}; a test class without the annotation is untouched.
 */
public class BackingServicesContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        WithBackingServices annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass, WithBackingServices.class);
        if (annotation == null) {
            return null;
        }
        Set<BackingService> services = annotation.value().length == 0
                ? EnumSet.noneOf(BackingService.class) : EnumSet.copyOf(List.of(annotation.value()));
        return new Customizer(services);
    }

    /** Equal for equal server sets, so Spring's context cache shares contexts between such tests. */
    private record Customizer(Set<BackingService> services) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            SharedBackingServices shared = SharedBackingServices.instance();
            var properties = shared.services().springProperties(services);
            context.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("backingServices", java.util.Map.copyOf(properties)));
            shared.closeBeforeStopping(context);
        }
    }
}
