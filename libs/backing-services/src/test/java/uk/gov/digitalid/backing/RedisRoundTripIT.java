package uk.gov.digitalid.backing;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import uk.gov.digitalid.backing.junit.WithBackingServices;
import uk.gov.digitalid.backing.redis.RedisConnection;

@WithBackingServices(BackingService.REDIS)
class RedisRoundTripIT {

    @Test
    void setGetAndPublishSubscribe(RedisConnection redis, BackingServices services) throws Exception {
        SharedServersProbe.assertShared(services, BackingService.REDIS);
        assertThat(services.running().get(BackingService.REDIS).version()).startsWith("7.");
        RedisClient client = RedisClient.create(redis.url());
        try (StatefulRedisConnection<String, String> conn = client.connect();
             StatefulRedisPubSubConnection<String, String> sub = client.connectPubSub()) {
            conn.sync().set("backing:round-trip", "ok");
            assertThat(conn.sync().get("backing:round-trip")).isEqualTo("ok");

            BlockingQueue<String> received = new ArrayBlockingQueue<>(1);
            sub.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    received.add(channel + "=" + message);
                }
            });
            sub.sync().subscribe("backing.test");
            long receivers = conn.sync().publish("backing.test", "hello");

            assertThat(receivers).isEqualTo(1);
            assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("backing.test=hello");
        } finally {
            client.shutdown();
        }
    }
}
