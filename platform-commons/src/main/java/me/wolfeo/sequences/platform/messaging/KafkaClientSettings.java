package me.wolfeo.sequences.platform.messaging;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.common.annotation.Identifier;

/**
 * The service's Kafka connection settings for the clients platform-commons makes itself: every {@code kafka.*}
 * property, as the SmallRye connector also gets them (bootstrap servers, and in Kubernetes the SASL and TLS
 * settings), without the consumer group, which each client decides for itself.
 */
@ApplicationScoped
public class KafkaClientSettings {

    private final Map<String, Object> connection;

    public KafkaClientSettings(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        Map<String, Object> connection = new HashMap<>(kafkaConfig);
        connection.remove("group.id");
        this.connection = Map.copyOf(connection);
    }

    /** The connection settings with a client's own settings on top. */
    public Map<String, Object> with(Map<String, Object> clientSettings) {
        Map<String, Object> settings = new HashMap<>(connection);
        settings.putAll(clientSettings);
        return settings;
    }
}
