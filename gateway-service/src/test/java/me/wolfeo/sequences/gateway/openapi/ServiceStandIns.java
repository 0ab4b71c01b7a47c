package me.wolfeo.sequences.gateway.openapi;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import me.wolfeo.sequences.platform.contract.Topics;

/**
 * What the gateway talks to, standing in for the services (none runs in this module's tests), answering as they
 * do: their internal read APIs over HTTP, and their replies to commands over Kafka. The gateway's answers built
 * from them are real.
 */
final class ServiceStandIns {

    /** A sequence id whose read the stand-in answers 404, and one it fails (500). */
    static final long MISSING_SEQUENCE = 404_404;
    static final long FAILING_SEQUENCE = 503;
    /** A sequence name whose create is never answered (the gateway answers 504). */
    static final String NEVER_ANSWERED = "Never answered";
    /** A contact id (webhook {@code id}) that is enrolled already, and one that does not exist. */
    static final String ENROLLED_CONTACT = "already-enrolled";
    static final String UNKNOWN_CONTACT = "unknown-contact";

    private static final String SCHEDULE = "{\"days\":\"business_days\",\"holidays\":{\"country\":\"US\","
            + "\"subdivision\":\"NY\"},\"window\":{\"open\":\"09:00\",\"close\":\"17:00\"},"
            + "\"timezone\":\"America/New_York\",\"throttle_per_minute\":30}";
    private static final String SEQUENCE = "{\"id\":1,\"name\":\"First Sequence\",\"type\":\"normal\","
            + "\"created_at\":\"2021-01-01T09:00:00Z\",\"paused\":false,\"schedule\":" + SCHEDULE
            + ",\"stop_on_reply\":true,\"stop_on_meeting\":true}";
    private static final String EMAIL_STAGE = "{\"id\":1,\"sequence_id\":1,\"step\":1,\"name\":\"Day 1 Email\","
            + "\"stage_type\":\"send_email\",\"time_value\":1,\"time_type\":86400,\"active\":false,"
            + "\"created_at\":\"2021-01-01T09:00:00Z\",\"sms_text\":null}";
    private static final String SMS_STAGE = "{\"id\":2,\"sequence_id\":1,\"step\":2,\"name\":\"Day 2 SMS\","
            + "\"stage_type\":\"send_sms\",\"time_value\":1,\"time_type\":86400,\"active\":true,"
            + "\"created_at\":\"2021-01-01T09:00:00Z\",\"sms_text\":\"Hi {{first_name|there}}\"}";
    private static final String PROGRESS = "{\"enrollment_id\":7,\"contact_id\":1,\"sequence_id\":1,"
            + "\"state\":\"active\",\"step\":2,\"next_due_at\":\"2026-11-24T12:00:00Z\",\"waiting_for\":\"delay\","
            + "\"enrolled_at\":\"2026-11-23T12:00:00Z\",\"ended_at\":null,\"end_reason\":null,\"history\":["
            + "{\"stage_id\":1,\"step\":1,\"stage_type\":\"send_email\",\"outcome\":\"skipped\","
            + "\"reason\":\"no_email\",\"attempts\":1,\"at\":\"2026-11-23T12:00:01Z\"}]}";

    private static final String CONTACT_PROGRESS = "{\"enrollment_id\":7,\"state\":\"active\",\"step\":2,"
            + "\"next_due_at\":\"2026-11-24T12:00:00Z\",\"waiting_for\":\"delay\",\"source\":\"hubspot\","
            + "\"id\":\"311\",\"phone_number\":null}";

    private ServiceStandIns() {
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The services' internal read APIs, on one port. */
    static HttpServer internalReads(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/internal/v1/accounts/", ServiceStandIns::read);
        server.start();
        return server;
    }

    private static void read(HttpExchange exchange) throws IOException {
        String[] path = exchange.getRequestURI().getPath().split("/"); // "", internal, v1, accounts, {id}, ...
        List<String> rest = List.of(path).subList(5, path.length);
        String resource = String.join("/", rest.stream().map(s -> s.matches("[0-9]+") ? "{}" : s).toList());
        switch (resource) {
            case "sequences" -> respond(exchange, 200, page(SEQUENCE + ",{\"id\":2,\"name\":\"Second Sequence\","
                    + "\"type\":\"normal\",\"created_at\":\"2021-01-01T09:00:00Z\",\"paused\":false}", 2));
            case "sequences/{}" -> {
                long id = Long.parseLong(rest.get(1));
                if (id == MISSING_SEQUENCE) {
                    respond(exchange, 404, "{\"code\":\"NOT_FOUND\",\"message\":\"Sequence not found.\"}");
                } else if (id == FAILING_SEQUENCE) {
                    respond(exchange, 500, "{\"code\":\"INTERNAL_ERROR\",\"message\":\"Down.\"}");
                } else {
                    respond(exchange, 200, SEQUENCE.replace(",\"schedule\"", ",\"stages\":[" + EMAIL_STAGE + ","
                            + SMS_STAGE + "],\"schedule\""));
                }
            }
            case "contact-sequences" -> respond(exchange, 200, "[" + SEQUENCE + "]");
            case "stages/{}/email-message" -> respond(exchange, 200, "{\"email_id\":209,\"stage_id\":55,"
                    + "\"subject\":\"Welcome!\",\"from_name\":null,\"from_email\":null,"
                    + "\"html\":\"<p>Hello {{first_name}}</p>\"}");
            case "contacts/{}/sequences/{}/progress" -> respond(exchange, 200, PROGRESS);
            case "sequences/{}/contacts" -> respond(exchange, 200, page("{\"id\":1,\"email\":"
                    + "\"first_contact@wolfeo.ie\",\"first_name\":\"First\",\"last_name\":\"Contact\""
                    + (wantsProgress(exchange) ? ",\"progress\":" + CONTACT_PROGRESS : "") + "},"
                    + "{\"id\":2,\"email\":null,\"first_name\":null,\"last_name\":null}", 142));
            default -> respond(exchange, 404, "{\"code\":\"NOT_FOUND\",\"message\":\"No such route.\"}");
        }
    }

    private static boolean wantsProgress(HttpExchange exchange) {
        String query = exchange.getRequestURI().getQuery();
        return query != null && query.contains("include=progress");
    }

    private static String page(String items, long total) {
        return "{\"items\":[" + items + "],\"page\":1,\"per_page\":50,\"total\":" + total + "}";
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Answers the commands of the services' topics as the services would, until closed. */
    static final class CommandResponder implements AutoCloseable {

        private static final List<String> TOPICS = List.of(Topics.SEQUENCE_COMMANDS, Topics.CONTENT_COMMANDS,
                Topics.ENROLLMENT_COMMANDS, Topics.CONTACT_ACTIVITY);

        private final String bootstrapServers;
        private final ObjectMapper json = new ObjectMapper();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final CountDownLatch listening = new CountDownLatch(1);
        private final Thread thread;

        CommandResponder(String bootstrapServers) throws InterruptedException {
            this.bootstrapServers = bootstrapServers;
            thread = new Thread(this::answer, "openapi-test-responder");
            thread.setDaemon(true);
            thread.start();
            if (!listening.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The test responder does not listen");
            }
        }

        private void answer() {
            try (KafkaConsumer<String, byte[]> commands = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(),
                    new ByteArrayDeserializer());
                    KafkaProducer<String, byte[]> replies = new KafkaProducer<>(Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG,
                            "all"), new StringSerializer(), new ByteArraySerializer())) {
                List<TopicPartition> partitions = new ArrayList<>();
                for (String topic : TOPICS) {
                    commands.partitionsFor(topic, Duration.ofSeconds(10))
                            .forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
                }
                commands.assign(partitions);
                commands.seekToEnd(partitions);
                partitions.forEach(commands::position);
                listening.countDown();
                while (running.get()) {
                    for (ConsumerRecord<String, byte[]> record : commands.poll(Duration.ofMillis(100))) {
                        String reply = replyTo(json.readTree(record.value()));
                        if (reply == null || record.headers().lastHeader("reply-to") == null) {
                            continue;
                        }
                        String correlationId = new String(record.headers().lastHeader("correlation-id").value(),
                                StandardCharsets.UTF_8);
                        String replyTo = new String(record.headers().lastHeader("reply-to").value(),
                                StandardCharsets.UTF_8);
                        ProducerRecord<String, byte[]> answer = new ProducerRecord<>(replyTo, correlationId,
                                reply.getBytes(StandardCharsets.UTF_8));
                        answer.headers().add("correlation-id", correlationId.getBytes(StandardCharsets.UTF_8));
                        replies.send(answer);
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException("The test responder failed", e);
            }
        }

        /** The service's reply to a command, or null to leave it unanswered. */
        private String replyTo(JsonNode command) throws IOException {
            JsonNode data = command.path("data");
            String contact = data.path("id").asText();
            return switch (command.path("type").asText()) {
                case "sequence.create" -> NEVER_ANSWERED.equals(data.path("name").asText())
                        ? null
                        : ok("{\"id\":12,\"name\":" + json.writeValueAsString(data.path("name").asText())
                                + ",\"type\":\"normal\",\"created_at\":\"2026-01-01T00:00:00Z\",\"paused\":false}");
                case "sequence.update" -> ok(SEQUENCE.replace("\"paused\":false", "\"paused\":true"));
                case "sequence.delete", "stage.delete" -> ok("{\"deleted\":true}");
                case "stage.create" -> ok(EMAIL_STAGE.replace("\"id\":1,\"sequence_id\":1",
                        "\"id\":55,\"sequence_id\":12"));
                case "stage.update" -> ok(EMAIL_STAGE.replace("\"active\":false", "\"active\":true"));
                case "stage.sms.update" -> ok(SMS_STAGE);
                case "content.update" -> ok("{\"id\":55,\"email_id\":209,\"path_to_email\":"
                        + "\"http://127.0.0.1:9000/wolfeo/emails/files/file_209.html\"}");
                case "enrollment.enroll" -> ENROLLED_CONTACT.equals(contact)
                        ? rejected("ALREADY_ENROLLED", "Contact is already enrolled in a sequence.")
                        : ok("{\"contact_id\":1,\"enrollments\":1}");
                case "enrollment.disenroll" -> UNKNOWN_CONTACT.equals(contact)
                        ? rejected("NOT_FOUND", "Contact not found.")
                        : ok("{\"contact_id\":1,\"enrollments\":1}");
                case "enrollment.set_paused" -> ok(PROGRESS.replace("\"state\":\"active\"", "\"state\":\"paused\"")
                        .replace("\"waiting_for\":\"delay\"", "\"waiting_for\":\"paused\""));
                case "contact.update" -> ok("{\"id\":1,\"email\":null,\"first_name\":\"Ada\",\"last_name\":null,"
                        + "\"phone_number\":\"+18181234567\",\"timezone\":\"Europe/Dublin\",\"opted_out\":false,"
                        + "\"email_bounced\":false}");
                case "contact.record_activity" -> ok("{\"contact_id\":1,\"type\":\"replied\","
                        + "\"occurred_at\":\"2026-11-23T12:00:00Z\",\"enrollment_id\":null,\"sequence_id\":null,"
                        + "\"ended_enrollment\":false,\"recorded_at\":\"2026-11-23T12:00:01Z\"}");
                default -> null;
            };
        }

        private static String ok(String data) {
            return "{\"status\":\"OK\",\"data\":" + data + "}";
        }

        private static String rejected(String code, String message) {
            return "{\"status\":\"REJECTED\",\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message
                    + "\",\"details\":{}}}";
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(5_000);
        }
    }
}
