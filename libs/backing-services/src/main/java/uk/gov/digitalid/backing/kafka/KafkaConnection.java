package uk.gov.digitalid.backing.kafka;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How to reach a Kafka cluster: its bootstrap servers, {@code host:port[,host:port...]}. */
public record KafkaConnection(String bootstrapServers) {

    public static KafkaConnection parse(String value) {
        String servers = Arrays.stream(value.split(","))
                .map(server -> server.trim().replaceFirst("(?i)^(kafka|plaintext)://", ""))
                .collect(Collectors.joining(","));
        if (!servers.matches("[^,\\s]+:\\d+(,[^,\\s]+:\\d+)*")) {
            throw new IllegalArgumentException("Kafka bootstrap servers must be host:port[,host:port...]");
        }
        return new KafkaConnection(servers);
    }

    @Override
    public String toString() {
        return bootstrapServers;
    }
}
