package uk.gov.digitalid.commons.sync;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * Starts the {@code digital-id.sync} listener without making Redis a start-up dependency: a
 * service comes up while Redis is down (its Redis-backed features answer 503 meanwhile) and
 * subscribes as soon as Redis answers, retrying with backoff. Once subscribed, the container's own
 * recovery handles later connection losses.
 */
public class SyncListenerStarter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SyncListenerStarter.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final RedisMessageListenerContainer container;
    private volatile boolean running;
    private Thread starter;

    public SyncListenerStarter(RedisMessageListenerContainer container) {
        this.container = container;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        // With Redis up, subscribe before the application reports ready, so no message sent after
        // start-up is missed; only if that fails, keep trying in the background.
        try {
            container.start();
            return;
        } catch (RuntimeException e) {
            log.warn("Cannot subscribe to {} yet (Redis: {}); retrying in the background", SyncMessage.CHANNEL, e.getMessage());
        }
        starter = new Thread(this::subscribe, "sync-listener-start");
        starter.setDaemon(true);
        starter.start();
    }

    private void subscribe() {
        Duration backoff = Duration.ofMillis(500);
        while (running) {
            try {
                Thread.sleep(backoff.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            try {
                container.start();
                log.info("Subscribed to {} now that Redis answers", SyncMessage.CHANNEL);
                return;
            } catch (RuntimeException e) {
                // still down; keep backing off
            }
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (starter != null) {
            starter.interrupt();
            starter = null;
        }
        if (container.isRunning()) {
            container.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
