package uk.gov.digitalid.fraud;

import io.cloudevents.CloudEvent;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import uk.gov.digitalid.commons.events.CloudEventCodec;
import uk.gov.digitalid.commons.events.CloudEventSender;
import uk.gov.digitalid.commons.events.EventType;
import uk.gov.digitalid.commons.events.Topics;

/** Publishes audit events the way the services do, and waits, within a bound, for their effects. */
public final class FraudTestEvents {

    private final CloudEventSender sender;
    private final CloudEventCodec codec;

    public FraudTestEvents(CloudEventSender sender, CloudEventCodec codec) {
        this.sender = sender;
        this.codec = codec;
    }

    public CloudEvent publish(EventType type, String subject, Map<String, ?> data) {
        CloudEvent event = codec.create(type, subject, data);
        publishRaw(subject, codec.serialize(event));
        return event;
    }

    public void publishRaw(String key, byte[] bytes) {
        try {
            sender.send(Topics.AUDIT_LOGS, key, bytes, Map.of()).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not take the event", e);
        }
    }

    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
