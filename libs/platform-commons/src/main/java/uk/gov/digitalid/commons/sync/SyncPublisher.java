package uk.gov.digitalid.commons.sync;

import java.time.Clock;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;
import uk.gov.digitalid.commons.ServiceIdentity;

/** Publishes {@link SyncMessage}s to every instance of every service. */
public class SyncPublisher {

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final ServiceIdentity identity;
    private final Clock clock;

    public SyncPublisher(StringRedisTemplate redis, JsonMapper json, ServiceIdentity identity, Clock clock) {
        this.redis = redis;
        this.json = json;
        this.identity = identity;
        this.clock = clock;
    }

    /** Returns how many subscribed instances received it. */
    public long publish(String type, String subject) {
        SyncMessage message = new SyncMessage(type, subject, identity.service() + "/" + identity.instance(), clock.instant());
        Long receivers = redis.convertAndSend(SyncMessage.CHANNEL, json.writeValueAsString(message));
        return receivers == null ? 0 : receivers;
    }
}
