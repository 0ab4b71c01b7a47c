package me.wolfeo.sequences.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.assertj.core.api.SoftAssertions;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;

/**
 * README, "Contact activity", Ordering: activity that arrives while the engine sends a contact's step either stops
 * that step or applies right after it; it is never lost and never applied twice (a redelivered activity message
 * applies once). Forty contacts fall due for an email step while a {@code replied} activity for each of them is
 * published on {@code contacts.activity}, every message twice (the same id: a redelivery); a contact in the same
 * sequence that gets no activity shows that the steps do run, the second stage included.
 */
class ContactActivityRaceSystemTest {

    private static final int CONTACTS = 40;
    private static final String ACTIVITY = "contacts.activity";
    private static final String EVENTS = "enrollments.events";
    private static final String ACTIONS = "enrollments.actions";
    /** enrollment-service's consumer group (its application.properties). */
    private static final String ENROLLMENT_SERVICE_GROUP = "enrollment-service";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One event of the account: where it is on its topic, and its envelope. */
    private record Event(String topic, int partition, long offset, JsonNode envelope) {

        String type() {
            return envelope.path("type").asText();
        }

        String id() {
            return envelope.path("id").asText();
        }

        JsonNode data() {
            return envelope.path("data");
        }

        long contactId() {
            return "action.triggered".equals(type())
                    ? data().path("contact").path("id").asLong()
                    : data().path("contact_id").asLong();
        }
    }

    /** A contact's enrollment as enrollment-service stored it, and the steps it ran. */
    private record Stored(long enrollmentId, boolean active, String endReason, Instant endedAt,
            Map<Long, Instant> stepsRanAt) {
    }

    @Test
    void aReplyPublishedTwiceWhileTheFirstStepsAreSentEndsEachEnrollmentOnceAndNoStepRunsAfterIt()
            throws Exception {
        Platform.Account account = Platform.newAccount("Activity race");
        long sequenceId = Fixtures.sequence(account, "Race");
        long emailStage = stage(account, sequenceId, "send_email", 1, 3600);
        Fixtures.content(account, emailStage, "<p>Hello {{first_name|there}}</p>");
        activate(account, emailStage);
        long actionStage = stage(account, sequenceId, "action", 1, 86400);
        activate(account, actionStage);
        // Messages published straight to the topic must name an account enrollment-service has learnt of.
        EnrollmentServiceRows.awaitAccountKnown(account.id());

        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> crmIds = IntStream.range(0, CONTACTS).mapToObj(i -> "race-" + run + "-" + i).toList();
        String controlId = "race-" + run + "-control";
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            CompletableFuture.allOf(IntStream.rangeClosed(0, CONTACTS).mapToObj(i -> CompletableFuture.runAsync(
                    () -> assertThat(enroll(account, sequenceId, i < CONTACTS ? crmIds.get(i) : controlId))
                            .isEqualTo(200),
                    clients)).toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } finally {
            clients.shutdown();
        }
        Map<String, Long> contactByCrmId = contactsOf(account.id(), sequenceId);
        assertThat(contactByCrmId).as("one contact per enrollment").hasSize(CONTACTS + 1);
        long control = contactByCrmId.get(controlId);

        // Each contact's reply is published, then again (a redelivery); the first steps all fall due when half the
        // first copies are out, so that replies come before, while and after the engine sends the steps.
        Map<TopicPartition, Long> published = new HashMap<>();
        CountDownLatch halfway = new CountDownLatch(CONTACTS / 2);
        try (RawProducer producer = new RawProducer(Platform.get().kafkaBootstrapServers())) {
            CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> {
                for (int copy = 0; copy < 2; copy++) {
                    for (String crmId : crmIds) {
                        RecordMetadata sent = producer.send(ACTIVITY, PartitionKeys.contactKey(account.id(), crmId),
                                replied("race-reply-" + crmId, account.id(), crmId));
                        published.merge(new TopicPartition(sent.topic(), sent.partition()), sent.offset(),
                                Math::max);
                        halfway.countDown();
                    }
                }
            });
            assertThat(halfway.await(30, TimeUnit.SECONDS)).as("half the replies published").isTrue();
            Platform.advanceClock(Duration.ofHours(1).plusSeconds(1));
            publishing.get(60, TimeUnit.SECONDS);
        }

        Awaitility.await("every replied contact's enrollment ended").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> stored(sequenceId).entrySet().stream()
                        .filter(contact -> contact.getKey() != control).noneMatch(contact -> contact.getValue()
                                .active()));
        awaitConsumed(published, Duration.ofSeconds(30));
        Awaitility.await("the control contact's first step").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> stored(sequenceId).get(control).stepsRanAt().containsKey(emailStage));
        // The second stage falls due too: it runs for the control contact, and for no replied one.
        Platform.advanceClock(Duration.ofDays(1).plusSeconds(1));
        Awaitility.await("the control contact's second step").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> !stored(sequenceId).get(control).active());
        assertThat(EnrollmentServiceRows.outboxDrains(Duration.ofSeconds(20))).as("enrollment-service's outbox drains")
                .isTrue();

        Map<Long, Stored> rows = stored(sequenceId);
        Map<Long, List<Event>> events = eventsByContact(account.id(), List.of(EVENTS, ACTIONS));
        int stoppedBeforeTheStep = 0;
        List<Duration> gaps = new ArrayList<>();
        SoftAssertions soft = new SoftAssertions();
        for (String crmId : crmIds) {
            long contact = contactByCrmId.get(crmId);
            Stored row = rows.get(contact);
            List<Event> its = events.getOrDefault(contact, List.of());
            String about = crmId + " (contact " + contact + ")";
            List<Event> disenrolled = distinct(its, "contact.disenrolled");
            List<Event> recorded = distinct(its, "contact.activity_recorded");
            List<Event> steps = its.stream().filter(event -> event.type().startsWith("step.")).toList();

            soft.assertThat(row.active()).as(about + ": enrollment active").isFalse();
            soft.assertThat(row.endReason()).as(about + ": stored end reason").isEqualTo("replied");
            soft.assertThat(disenrolled).as(about + ": contact.disenrolled events").hasSize(1);
            soft.assertThat(recorded).as(about + ": contact.activity_recorded events (the message came twice)")
                    .hasSize(1);
            if (disenrolled.size() == 1) {
                JsonNode ended = disenrolled.get(0).data();
                soft.assertThat(ended.path("reason").asText()).as(about + ": disenroll reason").isEqualTo("replied");
                soft.assertThat(ended.path("enrollment_id").asLong()).as(about + ": disenrolled enrollment")
                        .isEqualTo(row.enrollmentId());
                soft.assertThat(Instant.parse(ended.path("ended_at").asText())).as(about + ": ended_at")
                        .isEqualTo(row.endedAt());
                for (Event step : steps) {
                    soft.assertThat(step.offset()).as(about + ": " + step.type() + " of stage "
                            + step.data().path("stage_id").asLong() + " announced before contact.disenrolled")
                            .isLessThan(disenrolled.get(0).offset());
                }
            }
            if (recorded.size() == 1) {
                JsonNode activity = recorded.get(0).data();
                soft.assertThat(activity.path("type").asText()).as(about + ": activity type").isEqualTo("replied");
                soft.assertThat(activity.path("ended_enrollment").asBoolean()).as(about + ": ended_enrollment")
                        .isTrue();
                soft.assertThat(activity.path("enrollment_id").asLong()).as(about + ": activity's enrollment")
                        .isEqualTo(row.enrollmentId());
            }
            soft.assertThat(row.stepsRanAt().keySet()).as(about + ": stages run").isSubsetOf(emailStage);
            row.stepsRanAt().values().forEach(ranAt -> soft.assertThat(ranAt)
                    .as(about + ": the first step's ran_at, not after the enrollment's ended_at " + row.endedAt())
                    .isBeforeOrEqualTo(row.endedAt()));
            soft.assertThat(steps.stream().map(Event::id).distinct().count()).as(about + ": step events")
                    .isEqualTo(row.stepsRanAt().size());
            soft.assertThat(steps.stream().map(step -> step.data().path("stage_id").asLong()).distinct().toList())
                    .as(about + ": step events").isEqualTo(new ArrayList<>(row.stepsRanAt().keySet()));
            soft.assertThat(distinct(its, "action.triggered")).as(about + ": second stage (action.triggered)")
                    .isEmpty();
            soft.assertThat(distinct(its, "contact.finished")).as(about + ": contact.finished").isEmpty();
            if (row.stepsRanAt().isEmpty()) {
                stoppedBeforeTheStep++;
            } else if (row.endedAt() != null) {
                row.stepsRanAt().values().forEach(ranAt -> gaps.add(Duration.between(ranAt, row.endedAt())));
            }
        }
        Stored controlRow = rows.get(control);
        List<Event> controlEvents = events.getOrDefault(control, List.of());
        soft.assertThat(controlRow.stepsRanAt().keySet()).as("the control contact's stages run")
                .containsExactlyInAnyOrder(emailStage, actionStage);
        soft.assertThat(controlRow.endReason()).as("the control contact's end").isEqualTo("finished");
        soft.assertThat(distinct(controlEvents, "action.triggered")).as("the control contact's action").hasSize(1);
        soft.assertThat(distinct(controlEvents, "contact.disenrolled")).as("the control contact's disenrolls")
                .isEmpty();
        gaps.sort(null);
        System.out.printf("[activity race] %d contacts: %d stopped before their first step, %d ended after it "
                + "(from its ran_at to the end: %s to %s)%n", CONTACTS, stoppedBeforeTheStep,
                CONTACTS - stoppedBeforeTheStep, gaps.isEmpty() ? "-" : gaps.get(0),
                gaps.isEmpty() ? "-" : gaps.get(gaps.size() - 1));
        soft.assertAll();
    }

    private static long stage(Platform.Account account, long sequenceId, String type, int value, int unit) {
        return ((Number) Platform.as(account).contentType(ContentType.JSON)
                .body("{\"sequence_id\": " + sequenceId + ", \"stage_type\": \"" + type + "\", \"time_value\": "
                        + value + ", \"time_type\": " + unit + "}")
                .when().post("/v1/sequence-stage")
                .then().statusCode(201).extract().path("data.id")).longValue();
    }

    private static void activate(Platform.Account account, long stageId) {
        Platform.as(account).contentType(ContentType.JSON).body("{\"stage_id\": " + stageId + ", \"active\": true}")
                .when().put("/v1/sequence-stage").then().statusCode(200);
    }

    private static int enroll(Platform.Account account, long sequenceId, String crmId) {
        return Platform.anonymous().contentType(ContentType.JSON)
                .body("{\"api_token\": \"" + account.token() + "\", \"sequence_id\": " + sequenceId
                        + ", \"source\": \"hubspot\", \"id\": \"" + crmId + "\", \"email\": \"" + crmId
                        + "@example.com\"}")
                .when().post("/api/v1/webhook/sequence-enroll")
                .then().extract().statusCode();
    }

    /** README, "The contact activity topic": a reply, named by the contact's HubSpot id. */
    private static byte[] replied(String messageId, long accountId, String crmId) {
        return ("{\"id\": \"" + messageId + "\", \"type\": \"contact.record_activity\", \"version\": 1, "
                + "\"account_id\": " + accountId + ", \"data\": {\"source\": \"hubspot\", \"id\": \"" + crmId
                + "\", \"type\": \"replied\"}}").getBytes(StandardCharsets.UTF_8);
    }

    /** The enrolled contacts' ids by their HubSpot id, from enrollment-service's rows. */
    private static Map<String, Long> contactsOf(long accountId, long sequenceId) throws SQLException {
        Map<String, Long> contacts = new HashMap<>();
        try (Connection connection = ServiceDatabases.connect(ServiceDatabases.ENROLLMENTS);
                PreparedStatement query = connection.prepareStatement(
                        "SELECT k.external_id, k.contact_id FROM contact_keys k "
                                + "JOIN enrollments e ON e.contact_id = k.contact_id "
                                + "WHERE k.account_id = ? AND k.source = 'hubspot' AND e.sequence_id = ?")) {
            query.setLong(1, accountId);
            query.setLong(2, sequenceId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    contacts.put(rows.getString("external_id"), rows.getLong("contact_id"));
                }
            }
        }
        return contacts;
    }

    /** Each contact's enrollment in the sequence and the stages it ran, by contact id. */
    private static Map<Long, Stored> stored(long sequenceId) throws SQLException {
        Map<Long, Stored> stored = new HashMap<>();
        try (Connection connection = ServiceDatabases.connect(ServiceDatabases.ENROLLMENTS);
                PreparedStatement query = connection.prepareStatement(
                        "SELECT e.id, e.contact_id, e.active, e.end_reason, e.ended_at, s.stage_id, s.ran_at "
                                + "FROM enrollments e LEFT JOIN enrollment_steps s ON s.enrollment_id = e.id "
                                + "WHERE e.sequence_id = ? ORDER BY s.ran_at")) {
            query.setLong(1, sequenceId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long contactId = rows.getLong("contact_id");
                    Timestamp endedAt = rows.getTimestamp("ended_at");
                    Stored enrollment = stored.computeIfAbsent(contactId, ignored -> {
                        try {
                            return new Stored(rows.getLong("id"), rows.getBoolean("active"),
                                    rows.getString("end_reason"), endedAt == null ? null : endedAt.toInstant(),
                                    new LinkedHashMap<>());
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    long stageId = rows.getLong("stage_id");
                    if (!rows.wasNull()) {
                        enrollment.stepsRanAt().put(stageId, rows.getTimestamp("ran_at").toInstant());
                    }
                }
            }
        }
        return stored;
    }

    /** Until enrollment-service has committed its offsets past every activity record published. */
    private static void awaitConsumed(Map<TopicPartition, Long> published, Duration within) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                Platform.get().kafkaBootstrapServers()))) {
            Awaitility.await("enrollment-service consumed every activity record").atMost(within)
                    .pollInterval(Duration.ofMillis(250)).until(() -> {
                        Map<TopicPartition, OffsetAndMetadata> committed = admin
                                .listConsumerGroupOffsets(ENROLLMENT_SERVICE_GROUP).partitionsToOffsetAndMetadata()
                                .get(10, TimeUnit.SECONDS);
                        return published.entrySet().stream().allMatch(last -> committed.get(last.getKey()) != null
                                && committed.get(last.getKey()).offset() > last.getValue());
                    });
        }
    }

    /** The account's events on these topics, every copy, by contact, in each topic's partition order. */
    private static Map<Long, List<Event>> eventsByContact(long accountId, List<String> topics) {
        Map<Long, List<Event>> byContact = new HashMap<>();
        String accountField = "\"account_id\":" + accountId;
        for (String topic : topics) {
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Platform.get().kafkaBootstrapServers(),
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000),
                    new StringDeserializer(), new ByteArrayDeserializer())) {
                List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                        .map(info -> new TopicPartition(topic, info.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (!ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue())) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Reading " + topic + " took over 30 s");
                    }
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                        if (record.value() == null
                                || !new String(record.value(), StandardCharsets.UTF_8).contains(accountField)) {
                            continue;
                        }
                        JsonNode envelope = json(record.value());
                        if (envelope.path("account_id").asLong() != accountId) {
                            continue;
                        }
                        Event event = new Event(topic, record.partition(), record.offset(), envelope);
                        byContact.computeIfAbsent(event.contactId(), ignored -> new ArrayList<>()).add(event);
                    }
                }
            }
        }
        return byContact;
    }

    /** The events of this type, one per envelope id (a copy the outbox relay sent again has the same id). */
    private static List<Event> distinct(List<Event> events, String type) {
        Map<String, Event> byId = new LinkedHashMap<>();
        events.stream().filter(event -> type.equals(event.type())).forEach(event -> byId.putIfAbsent(event.id(),
                event));
        return new ArrayList<>(byId.values());
    }

    private static JsonNode json(byte[] value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
