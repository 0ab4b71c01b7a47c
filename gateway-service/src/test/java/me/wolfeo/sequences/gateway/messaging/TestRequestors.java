package me.wolfeo.sequences.gateway.messaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import me.wolfeo.sequences.platform.messaging.KafkaClientSettings;
import me.wolfeo.sequences.platform.messaging.MessageCodec;
import me.wolfeo.sequences.platform.messaging.MessagingConfig;
import me.wolfeo.sequences.platform.messaging.PlatformProducer;
import me.wolfeo.sequences.platform.messaging.requestreply.KafkaRequestor;
import me.wolfeo.sequences.platform.testing.MessagingConfigs;

/**
 * Requestors made by a test, beside the application's own: their reply listener and their producer may each be
 * pointed at the test broker or at a port where nothing listens (a broker that is down), without touching the
 * broker the other tests share.
 */
final class TestRequestors {

    private TestRequestors() {
    }

    /** A port of 127.0.0.1 where nothing listens. */
    static String unreachableBroker() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A requestor and its own producer; closing it stops both. */
    record Started(KafkaRequestor requestor, PlatformProducer producer) implements AutoCloseable {

        @Override
        public void close() {
            requestor.close();
            producer.close();
        }
    }

    /** A started requestor whose listener and producer use these brokers; close it at the end of the test. */
    static Started start(MessagingConfig config, MessageCodec codec, String listenerBroker, String producerBroker) {
        PlatformProducer producer = new PlatformProducer(config, settings(producerBroker));
        KafkaRequestor requestor = new KafkaRequestor(config, settings(listenerBroker), producer, codec);
        requestor.start();
        return new Started(requestor, producer);
    }

    private static KafkaClientSettings settings(String bootstrapServers) {
        return new KafkaClientSettings(Map.of("bootstrap.servers", bootstrapServers));
    }

    /** The application's messaging settings with another request timeout and producer max-block. */
    static MessagingConfig withTimeouts(MessagingConfig base, Duration timeout, Duration maxBlock) {
        MessagingConfig.Requests requests = new MessagingConfig.Requests() {

            @Override
            public String replyTopic() {
                return base.requests().replyTopic();
            }

            @Override
            public Duration timeout() {
                return timeout;
            }

            @Override
            public Duration pollTimeout() {
                return base.requests().pollTimeout();
            }

            @Override
            public Duration partitionCheck() {
                return base.requests().partitionCheck();
            }
        };
        MessagingConfig.Producer producer = new MessagingConfig.Producer() {

            @Override
            public int lingerMs() {
                return base.producer().lingerMs();
            }

            @Override
            public int maxRequestSize() {
                return base.producer().maxRequestSize();
            }

            @Override
            public String compressionType() {
                return base.producer().compressionType();
            }

            @Override
            public int batchSize() {
                return base.producer().batchSize();
            }

            @Override
            public Duration maxBlock() {
                return maxBlock;
            }
        };
        return MessagingConfigs.replacing(base, producer, requests, null);
    }

    /** The application's messaging settings with replies on another topic, looked at for new partitions this often. */
    static MessagingConfig withReplyTopic(MessagingConfig base, String replyTopic, Duration partitionCheck) {
        MessagingConfig.Requests requests = new MessagingConfig.Requests() {

            @Override
            public String replyTopic() {
                return replyTopic;
            }

            @Override
            public Duration timeout() {
                return Duration.ofSeconds(15);
            }

            @Override
            public Duration pollTimeout() {
                return base.requests().pollTimeout();
            }

            @Override
            public Duration partitionCheck() {
                return partitionCheck;
            }
        };
        return MessagingConfigs.replacing(base, null, requests, null);
    }
}
