package uk.gov.digitalid.commons.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import uk.gov.digitalid.backing.BackingService;
import uk.gov.digitalid.backing.BackingServices;
import uk.gov.digitalid.backing.junit.WithBackingServices;
import uk.gov.digitalid.commons.testapp.LightNode;

/** Three instances, each with its own listener container on {@code digital-id.sync}. */
@WithBackingServices({BackingService.REDIS, BackingService.KAFKA})
class SyncIT {

    static final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    /** Collects what an instance's listener container delivered as application events. */
    static class Received {
        final BlockingQueue<SyncMessage> messages = new LinkedBlockingQueue<>();

        @EventListener
        void on(SyncMessage message) {
            messages.add(message);
        }
    }

    @BeforeAll
    static void startThreeInstances(BackingServices services) throws Exception {
        var properties = services.springProperties(EnumSet.of(BackingService.REDIS, BackingService.KAFKA));
        for (String name : List.of("gateway-a", "gateway-b", "identity-core")) {
            var props = new java.util.HashMap<>(properties);
            props.put("spring.application.name", name);
            ConfigurableApplicationContext instance = LightNode.start(props, Received.class);
            instances.add(instance);
        }
        for (ConfigurableApplicationContext instance : instances) {
            RedisMessageListenerContainer container = instance.getBean("syncListenerContainer", RedisMessageListenerContainer.class);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!container.isListening() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(container.isListening()).isTrue();
        }
    }

    @AfterAll
    static void stopInstances() {
        instances.forEach(ConfigurableApplicationContext::close);
        instances.clear();
    }

    @Test
    void messagePublishedByOneInstanceReachesTheOthers() throws Exception {
        long receivers = instances.get(0).getBean(SyncPublisher.class).publish(SyncMessage.ACCOUNT_LOCKED, "account-42");

        assertThat(receivers).isGreaterThanOrEqualTo(3);
        for (ConfigurableApplicationContext other : instances.subList(1, 3)) {
            SyncMessage message = awaitMessageAbout(other, "account-42");
            assertThat(message).isNotNull();
            assertThat(message.type()).isEqualTo("account.locked");
            assertThat(message.origin()).startsWith("gateway-a/");
        }
        assertThat(awaitMessageAbout(instances.get(0), "account-42")).as("the sender's own caches too").isNotNull();
    }

    @Test
    void malformedMessagesAreDroppedAndListeningGoesOn() throws Exception {
        StringRedisTemplate redis = instances.get(0).getBean(StringRedisTemplate.class);
        redis.convertAndSend(SyncMessage.CHANNEL, "{not json");
        redis.convertAndSend(SyncMessage.CHANNEL, "{\"type\":\"DROP TABLE\",\"subject\":\"bad-1\"}");
        instances.get(2).getBean(SyncPublisher.class).publish(SyncMessage.SESSION_REVOKED, "session-7");

        List<SyncMessage> seen = new ArrayList<>();
        SyncMessage message = awaitMessageAbout(instances.get(1), "session-7", seen);
        assertThat(message).isNotNull();
        assertThat(message.type()).isEqualTo("session.revoked");
        assertThat(seen).extracting(SyncMessage::subject).doesNotContain("bad-1");
    }

    private static SyncMessage awaitMessageAbout(ConfigurableApplicationContext instance, String subject) throws InterruptedException {
        return awaitMessageAbout(instance, subject, new ArrayList<>());
    }

    /** Waits for a message about the subject, collecting every message taken on the way. */
    private static SyncMessage awaitMessageAbout(ConfigurableApplicationContext instance, String subject, List<SyncMessage> seen)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            SyncMessage message = received(instance).poll(100, TimeUnit.MILLISECONDS);
            if (message != null) {
                seen.add(message);
                if (message.subject().equals(subject)) {
                    return message;
                }
            }
        }
        return null;
    }

    private static BlockingQueue<SyncMessage> received(ConfigurableApplicationContext instance) {
        return instance.getBean(Received.class).messages;
    }
}
