package me.wolfeo.sequences.gateway.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import me.wolfeo.sequences.local.testing.KafkaTestClient;
import me.wolfeo.sequences.platform.messaging.Envelope;
import me.wolfeo.sequences.platform.messaging.MessageCodec;
import me.wolfeo.sequences.platform.messaging.MessageHeaders;
import me.wolfeo.sequences.platform.messaging.MessagingConfig;
import me.wolfeo.sequences.platform.messaging.Reply;

/**
 * An operator may add partitions to the reply topic while the gateway runs: the reply listener then reads the new
 * partitions too, from their beginning, instead of letting every reply that lands there time out.
 */
@QuarkusTest
class ReplyTopicGrowthTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    MessagingConfig config;

    @Inject
    MessageCodec codec;

    @Test
    void aReplyOnAPartitionAddedAfterTheListenerStartedIsRead() throws Exception {
        String replyTopic = "test.replies." + UUID.randomUUID();
        String commandTopic = "test.commands." + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(
                    List.of(new NewTopic(replyTopic, 1, (short) 1), new NewTopic(commandTopic, 1, (short) 1)))
                    .all().get(30, TimeUnit.SECONDS);
            MessagingConfig settings = TestRequestors.withReplyTopic(config, replyTopic, Duration.ofMillis(200));
            try (TestRequestors.Started started = TestRequestors.start(settings, codec, bootstrapServers,
                    bootstrapServers)) {
                assertThat(started.requestor().awaitReady(Duration.ofSeconds(20))).isTrue();
                admin.createPartitions(Map.of(replyTopic, NewPartitions.increaseTo(2))).all().get(30,
                        TimeUnit.SECONDS);

                CompletableFuture<Reply> reply = started.requestor().request(commandTopic, "k",
                        Envelope.create("test.ping", 1, 1, codec.toTree(Map.of()))).toCompletableFuture();
                answerOnPartition(commandTopic, replyTopic, 1);

                assertThat(reply.get(15, TimeUnit.SECONDS).isOk()).as("the reply on the added partition").isTrue();
            }
        }
    }

    /** Answers the one command of the topic with an OK reply sent to this partition of the reply topic. */
    private void answerOnPartition(String commandTopic, String replyTopic, int partition) throws Exception {
        ConsumerRecord<String, byte[]> command;
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            List<ConsumerRecord<String, byte[]>> commands = kafka.read(commandTopic, record -> true, 1,
                    Duration.ofSeconds(10));
            assertThat(commands).as("the command sent").hasSize(1);
            command = commands.get(0);
        }
        byte[] correlationId = command.headers().lastHeader(MessageHeaders.CORRELATION_ID).value();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(replyTopic, partition, "k",
                    "{\"status\":\"OK\",\"data\":{}}".getBytes(StandardCharsets.UTF_8),
                    List.of(new RecordHeader(MessageHeaders.CORRELATION_ID, correlationId)))).get(10,
                            TimeUnit.SECONDS);
        }
    }
}
