package uk.gov.digitalid.backing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;

/**
 * Remembers the first running instance of each server seen in this JVM, so every test class can
 * check that it got that same instance rather than a server of its own.
 */
final class SharedServersProbe {

    private static final Map<BackingService, Started<?>> firstSeen = new EnumMap<>(BackingService.class);

    private SharedServersProbe() {
    }

    static synchronized void assertShared(BackingServices services, BackingService service) {
        Started<?> running = services.running().get(service);
        assertThat(running).as("%s is running", service).isNotNull();
        Started<?> first = firstSeen.putIfAbsent(service, running);
        assertThat(running).as("%s is the instance shared by every test class", service).isSameAs(first == null ? running : first);
        System.out.printf("[backing-services] %s %s from %s, ready in %d ms%n",
                service.displayName(), running.version(), running.source(), running.startup().toMillis());
    }
}
