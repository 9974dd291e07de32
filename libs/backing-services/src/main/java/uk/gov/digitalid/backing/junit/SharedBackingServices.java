package uk.gov.digitalid.backing.junit;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.gov.digitalid.backing.BackingServices;
import uk.gov.digitalid.backing.BackingServicesSettings;

/**
 * The one set of backing servers of a test JVM, shared by every test class that asks for them.
 * Closed by JUnit when the test run ends (and by a shutdown hook if JUnit is not in charge); before
 * the servers stop, the application contexts that were pointed at them are closed, so no Kafka
 * consumer or connection pool is left retrying against a server that is gone.
 */
public final class SharedBackingServices implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SharedBackingServices.class);
    private static SharedBackingServices instance;

    private final BackingServices services;
    private final Deque<AutoCloseable> dependents = new ArrayDeque<>();

    private SharedBackingServices(BackingServices services) {
        this.services = services;
    }

    public static synchronized SharedBackingServices instance() {
        if (instance == null) {
            instance = new SharedBackingServices(new BackingServices(BackingServicesSettings.forTests()));
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "backing-services-stop"));
        }
        return instance;
    }

    public BackingServices services() {
        return services;
    }

    /** Registers something to close before the servers stop, such as a Spring application context. */
    public synchronized void closeBeforeStopping(AutoCloseable dependent) {
        dependents.push(dependent);
    }

    @Override
    public void close() {
        synchronized (SharedBackingServices.class) {
            if (instance == this) {
                instance = null;
            }
        }
        synchronized (this) {
            while (!dependents.isEmpty()) {
                AutoCloseable dependent = dependents.pop();
                try {
                    dependent.close();
                } catch (Exception e) {
                    log.warn("Could not close {} before stopping backing services: {}", dependent, e.toString());
                }
            }
        }
        services.close();
    }
}
