package me.wolfeo.sequences.sequenceservice.messaging;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import me.wolfeo.sequences.platform.messaging.requestreply.KafkaRequestor;
import me.wolfeo.sequences.platform.testing.MessagingTestClient;

/** Gives the tests a client of the real broker that speaks the platform's messages. */
public class TestClients {

    @Produces
    @Singleton
    MessagingTestClient messagingTestClient(KafkaRequestor requestor, ObjectMapper mapper,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        return new MessagingTestClient(requestor, mapper, bootstrapServers);
    }
}
