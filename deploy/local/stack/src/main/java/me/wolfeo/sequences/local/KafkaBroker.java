package me.wolfeo.sequences.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A real Apache Kafka broker in KRaft mode (one node that is both broker and controller), run as its own process
 * from the {@code kafka_2.13} artifact: the storage is formatted once, then {@code kafka.Kafka} starts on it.
 */
final class KafkaBroker implements AutoCloseable {

    private final Path runDirectory;
    private final Path properties;
    private final int port;
    private volatile ChildProcess process;

    private KafkaBroker(Path runDirectory, Path properties, int port) {
        this.runDirectory = runDirectory;
        this.properties = properties;
        this.port = port;
    }

    /**
     * Starts a broker keeping its logs under {@code dataDirectory} (formatted on first use) and creates the
     * platform's topics.
     */
    static KafkaBroker start(Path dataDirectory, Path runDirectory, int port, int controllerPort)
            throws IOException, InterruptedException {
        Path logs = dataDirectory.toAbsolutePath();
        Files.createDirectories(logs);
        Files.createDirectories(runDirectory);
        Path properties = runDirectory.resolve("kafka.properties");
        Files.writeString(properties, serverProperties(logs, port, controllerPort));
        formatStorage(logs, runDirectory, properties);

        KafkaBroker broker = new KafkaBroker(runDirectory, properties, port);
        broker.launch();
        broker.createTopics();
        return broker;
    }

    /**
     * Stops the broker cleanly (SIGTERM, waiting for it to exit), leaves it down for {@code down}, starts it again,
     * and waits until it answers.
     */
    void restart(Duration down) throws IOException, InterruptedException {
        process.close();
        startAgain(down);
    }

    /** Like {@link #restart}, but the broker is killed as a crash would (SIGKILL). */
    void crashAndRestart(Duration down) throws IOException, InterruptedException {
        ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
        process.close();
        startAgain(down);
    }

    /** On the same ports and logs, once the old process is gone: clients find the broker where it was. */
    private void startAgain(Duration down) throws IOException, InterruptedException {
        Await.until("Kafka's exit", Duration.ofSeconds(20), null, () -> !process.isAlive());
        Thread.sleep(down.toMillis());
        launch();
        createTopics();
    }

    private void launch() throws IOException {
        process = ChildProcess.startJava("kafka", runDirectory, jvmOptions(),
                List.of("-cp", ServerArtifacts.kafkaClasspath(), "kafka.Kafka", properties.toString()),
                Map.of(), runDirectory);
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    ChildProcess process() {
        return process;
    }

    private static String serverProperties(Path logs, int port, int controllerPort) {
        return String.join(System.lineSeparator(),
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + logs,
                "num.partitions=1",
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=6",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "message.max.bytes=5242880",
                // The cleaner's default 128 MiB buffer is allocated at start: too much for a small heap.
                "log.cleaner.dedupe.buffer.size=8388608",
                "num.network.threads=2",
                "num.io.threads=4",
                "num.recovery.threads.per.data.dir=1",
                "background.threads=2",
                // A restart after a crash waits for the old broker's session to expire: keep that short.
                "broker.session.timeout.ms=2000",
                "broker.heartbeat.interval.ms=500",
                "log.retention.hours=168",
                "");
    }

    private static void formatStorage(Path logs, Path runDirectory, Path properties)
            throws IOException, InterruptedException {
        if (Files.exists(logs.resolve("meta.properties"))) {
            return;
        }
        ChildProcess format = ChildProcess.startJava("kafka-format", runDirectory, List.of("-Xmx128m"),
                List.of("-cp", ServerArtifacts.kafkaClasspath(), "kafka.tools.StorageTool", "format",
                        "-t", Uuid.randomUuid().toString(), "-c", properties.toString(), "--ignore-formatted"),
                Map.of(), runDirectory);
        try {
            Await.until("Kafka storage format", Duration.ofSeconds(60), null, () -> !format.isAlive());
        } finally {
            format.close();
        }
        if (!Files.exists(logs.resolve("meta.properties"))) {
            throw new IllegalStateException("Formatting the Kafka storage failed; see " + format.logFile()
                    + System.lineSeparator() + ChildProcess.tail(format.logFile(), 15));
        }
    }

    private static List<String> jvmOptions() {
        return List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-Djava.net.preferIPv4Stack=true",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Dorg.slf4j.simpleLogger.log.kafka.server.KafkaRaftServer=info",
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Djava.awt.headless=true");
    }

    private void createTopics() throws InterruptedException {
        // Connect only once the port listens: the client logs a warning for every refused connection.
        Await.until("Kafka's listener", Duration.ofSeconds(90), process, () -> Ports.isListening("127.0.0.1", port));
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60000))) {
            Await.until("Kafka", Duration.ofSeconds(90), process, () -> answers(admin));
            for (LocalTopics.Topic topic : LocalTopics.ALL) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic.name(), topic.partitions(), (short) 1)
                            .configs(topic.configs()))).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Cannot create topic " + topic.name(), e.getCause());
                    }
                } catch (java.util.concurrent.TimeoutException e) {
                    throw new IllegalStateException("Creating topic " + topic.name() + " timed out", e);
                }
            }
        }
    }

    private static boolean answers(Admin admin) {
        try {
            return !admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
