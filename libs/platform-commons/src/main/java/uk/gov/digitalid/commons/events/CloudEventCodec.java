package uk.gov.digitalid.commons.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds this service's CloudEvents 1.0 envelopes and turns them into the structured JSON form
 * ({@code application/cloudevents+json}) that travels on Kafka, and back.
 */
public class CloudEventCodec {

    /** Content type of a structured-mode CloudEvent in JSON, as sent in the Kafka {@code content-type} header. */
    public static final String CONTENT_TYPE = JsonFormat.CONTENT_TYPE;

    private final URI source;
    private final JsonMapper json;
    private final Clock clock;
    private final EventFormat format = new JsonFormat();

    public CloudEventCodec(String serviceName, JsonMapper json, Clock clock) {
        this.source = URI.create("/digital-id/" + serviceName);
        this.json = json;
        this.clock = clock;
    }

    /** A new event with a random id, this service as source, the subject and the data as JSON. */
    public CloudEvent create(EventType type, String subject, Object data) {
        return CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withSource(source)
                .withType(type.value())
                .withSubject(subject)
                .withTime(OffsetDateTime.now(clock))
                .withDataContentType("application/json")
                .withData(json.writeValueAsBytes(data))
                .build();
    }

    public byte[] serialize(CloudEvent event) {
        return format.serialize(event);
    }

    public CloudEvent deserialize(byte[] bytes) {
        return format.deserialize(bytes);
    }

    /** The event's data read as the given type. */
    public <T> T data(CloudEvent event, Class<T> type) {
        if (event.getData() == null) {
            throw new IllegalArgumentException("Event " + event.getId() + " has no data");
        }
        return json.readValue(event.getData().toBytes(), type);
    }
}
