package uk.gov.digitalid.commons.sync;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns each message on {@code digital-id.sync} into a Spring application event, so a service
 * reacts with {@code @EventListener void on(SyncMessage message)}. Malformed messages are dropped.
 */
public class SyncMessageListener implements MessageListener {

    private static final Logger log = LoggerFactory.getLogger(SyncMessageListener.class);
    private final JsonMapper json;
    private final ApplicationEventPublisher events;

    public SyncMessageListener(JsonMapper json, ApplicationEventPublisher events) {
        this.json = json;
        this.events = events;
    }

    @Override
    public void onMessage(Message message, byte[] pattern) {
        SyncMessage sync;
        try {
            sync = json.readValue(message.getBody(), SyncMessage.class);
        } catch (JacksonException | IllegalArgumentException e) {
            log.warn("Dropped a malformed message on {} ({} bytes)", SyncMessage.CHANNEL, message.getBody().length);
            return;
        }
        log.debug("Sync {} for {} from {}", sync.type(), sync.subject(), sync.origin());
        events.publishEvent(sync);
    }
}
