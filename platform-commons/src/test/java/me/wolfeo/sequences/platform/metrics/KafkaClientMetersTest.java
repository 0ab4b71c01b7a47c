package me.wolfeo.sequences.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The consumer group a Kafka client's meters carry, found from its client id and the channels' settings. */
class KafkaClientMetersTest {

    private static final Config SETTINGS = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(Map.of(
            "quarkus.application.name", "enrollment-service",
            "mp.messaging.incoming.enrollment-commands.group.id", "enrollment-service",
            "mp.messaging.incoming.audit.group.id", "auditors"), "test", 100)).build();

    @Test
    void aChannelsConsumerAndEachOfItsCopiesHaveTheChannelsGroup() {
        assertThat(KafkaClientMeters.groupOf(SETTINGS, "kafka-consumer-enrollment-commands"))
                .isEqualTo("enrollment-service");
        assertThat(KafkaClientMeters.groupOf(SETTINGS, "kafka-consumer-enrollment-commands$3"))
                .isEqualTo("enrollment-service");
        assertThat(KafkaClientMeters.groupOf(SETTINGS, "kafka-consumer-audit")).isEqualTo("auditors");
    }

    @Test
    void aChannelWithoutAGroupOfItsOwnHasTheApplicationsAndOtherClientsHaveNone() {
        assertThat(KafkaClientMeters.groupOf(SETTINGS, "kafka-consumer-sequence-events"))
                .isEqualTo("enrollment-service");
        assertThat(KafkaClientMeters.groupOf(SETTINGS, "gateway-service-reply-listener-0e7a"))
                .isEqualTo(KafkaClientMeters.NO_GROUP);
        assertThat(KafkaClientMeters.groupOf(SETTINGS, null)).isEqualTo(KafkaClientMeters.NO_GROUP);
    }
}
