package me.wolfeo.sequences.enrollmentservice.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

import me.wolfeo.sequences.enrollmentservice.EnrollmentFixtures;
import me.wolfeo.sequences.enrollmentservice.contact.ContactKey;
import me.wolfeo.sequences.local.testing.KafkaTestClient;
import me.wolfeo.sequences.platform.contract.Topics;
import me.wolfeo.sequences.platform.testing.MessagingTestClient;

/**
 * Internal systems publish enrollment commands straight to enrollments.commands in the documented JSON format,
 * with a plain Kafka producer, and learn the outcome from enrollments.events, or from the dead-letter topic.
 */
@QuarkusTest
class InternalSystemsTest {

    private static final String DLQ = Topics.deadLetter(Topics.ENROLLMENT_COMMANDS);

    @Inject
    MessagingTestClient client;
    @Inject
    EnrollmentFixtures fixtures;
    @Inject
    ObjectMapper mapper;

    private long account;
    private long sequenceId;

    @BeforeEach
    void knownAccountWithASequence() {
        account = fixtures.knownAccount();
        sequenceId = fixtures.knownSequence(account, "Imported");
    }

    /** Publishes a command exactly as the README documents it; returns its id. */
    private String publish(String type, String data) {
        String id = "crm-sync-" + UUID.randomUUID();
        publishRaw("""
                {"id": "%s", "type": "%s", "version": 1, "account_id": %d, "data": %s}"""
                .formatted(id, type, account, data));
        return id;
    }

    private void publishRaw(String json) {
        client.kafka().send(Topics.ENROLLMENT_COMMANDS, account + ":import",
                json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    private List<ConsumerRecord<String, byte[]>> events(String containing) {
        return client.kafka().readContaining(Topics.ENROLLMENT_EVENTS, containing, 1, MessagingTestClient.patience());
    }

    private ConsumerRecord<String, byte[]> deadLetter(String containing) {
        List<ConsumerRecord<String, byte[]>> found = client.kafka().readContaining(DLQ, containing, 1,
                MessagingTestClient.patience());
        assertThat(found).as("a dead letter containing %s", containing).hasSize(1);
        return found.get(0);
    }

    @Test
    void anEnrollCommandEnrollsTheContactAndIsAnnounced() throws Exception {
        publish("enrollment.enroll", """
                {"sequence_id": "%d", "source": "hubspot", "id": 4242, "phone_number": "8181234567",
                 "email": "crm@example.com", "first_name": "Crm", "last_name": "Contact", "force_enroll": false}"""
                .formatted(sequenceId));

        EnrollmentFixtures.eventually()
                .until(() -> fixtures.contact(account, new ContactKey("hubspot", "4242")) != null);
        long contactId = fixtures.contact(account, new ContactKey("hubspot", "4242")).id;
        List<ConsumerRecord<String, byte[]>> enrolled = client.kafka().read(Topics.ENROLLMENT_EVENTS,
                record -> Long.toString(contactId).equals(record.key())
                        && KafkaTestClient.value(record).contains("\"contact.enrolled\""),
                1, MessagingTestClient.patience());
        assertThat(enrolled).hasSize(1);
        JsonNode data = mapper.readTree(enrolled.get(0).value()).path("data");
        assertThat(data.path("sequence_id").asLong()).isEqualTo(sequenceId);
        assertThat(data.path("contact_id").asLong()).isEqualTo(contactId);
    }

    @Test
    void aRefusedCommandIsAnnouncedAsRejectedWithTheReason() throws Exception {
        publish("enrollment.enroll", """
                {"sequence_id": %d, "source": "zoho", "id": "1"}""".formatted(sequenceId));
        String second = publish("enrollment.enroll", """
                {"sequence_id": %d, "source": "zoho", "id": "1"}""".formatted(sequenceId));

        List<ConsumerRecord<String, byte[]>> rejected = events(second);
        assertThat(rejected).hasSize(1);
        JsonNode event = mapper.readTree(rejected.get(0).value());
        assertThat(event.path("type").asText()).isEqualTo("enrollment.rejected");
        assertThat(event.path("data").path("code").asText()).isEqualTo("ALREADY_ENROLLED");
        assertThat(event.path("data").path("reason").asText()).isEqualTo("Contact is already enrolled in a sequence.");
    }

    @Test
    void aRepublishedCommandIsAppliedOnce() {
        String command = """
                {"id": "replayed-%s", "type": "enrollment.enroll", "version": 1, "account_id": %d,
                 "data": {"sequence_id": %d, "source": "pipedrive", "id": "1"}}"""
                .formatted(UUID.randomUUID(), account, sequenceId);
        publishRaw(command);
        publishRaw(command);
        publish("enrollment.enroll", """
                {"sequence_id": %d, "source": "pipedrive", "id": "2"}""".formatted(sequenceId));

        EnrollmentFixtures.eventually()
                .until(() -> fixtures.contact(account, new ContactKey("pipedrive", "2")) != null);
        assertThat(client.kafka().read(Topics.ENROLLMENT_EVENTS,
                record -> KafkaTestClient.value(record).contains("\"enrollment.rejected\"")
                        && KafkaTestClient.value(record).contains("replayed-"),
                1, java.time.Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void aMessageThatIsNotJsonIsDeadLetteredAndThePartitionKeepsFlowing() {
        String garbage = "<enroll>" + UUID.randomUUID() + "</enroll>";
        publishRaw(garbage);
        publish("enrollment.enroll", """
                {"sequence_id": %d, "source": "aloware", "id": "after-garbage"}""".formatted(sequenceId));

        assertThat(KafkaTestClient.header(deadLetter(garbage), "dead-letter-reason"))
                .isEqualTo("The message is not valid JSON");
        EnrollmentFixtures.eventually()
                .until(() -> fixtures.contact(account, new ContactKey("aloware", "after-garbage")) != null);
    }

    @Test
    void aNulByteInTheContactIdIsDeadLetteredWithTheFieldNamedAndThePartitionKeepsFlowing() {
        String hostileKey = account + ":hubspot:nul\u0000inside";
        String id = "nul-" + UUID.randomUUID();
        client.kafka().send(Topics.ENROLLMENT_COMMANDS, hostileKey, """
                {"id": "%s", "type": "enrollment.enroll", "version": 1, "account_id": %d,
                 "data": {"sequence_id": %d, "source": "hubspot", "id": "nul\\u0000inside"}}"""
                .formatted(id, account, sequenceId).getBytes(StandardCharsets.UTF_8), Map.of());
        client.kafka().send(Topics.ENROLLMENT_COMMANDS, hostileKey, """
                {"id": "after-%s", "type": "enrollment.enroll", "version": 1, "account_id": %d,
                 "data": {"sequence_id": %d, "source": "hubspot", "id": "after-nul"}}"""
                .formatted(id, account, sequenceId).getBytes(StandardCharsets.UTF_8), Map.of());

        ConsumerRecord<String, byte[]> deadLetter = deadLetter(id);
        assertThat(KafkaTestClient.header(deadLetter, "dead-letter-reason"))
                .contains("[id: The id field must not contain control characters or invalid Unicode.]");
        assertThat(deadLetter.key()).isEqualTo(hostileKey);
        EnrollmentFixtures.eventually()
                .until(() -> fixtures.contact(account, new ContactKey("hubspot", "after-nul")) != null);
    }

    @Test
    void aRecordWhoseKeyHoldsANulByteIsDeadLetteredWithThatKey() {
        String hostileKey = "\u0000" + UUID.randomUUID();
        String garbage = "not json " + UUID.randomUUID();
        client.kafka().send(Topics.ENROLLMENT_COMMANDS, hostileKey, garbage.getBytes(StandardCharsets.UTF_8),
                Map.of("x-origin", "nul\u0000header"));
        publish("enrollment.enroll", """
                {"sequence_id": %d, "source": "aloware", "id": "after-nul-key"}""".formatted(sequenceId));

        ConsumerRecord<String, byte[]> deadLetter = deadLetter(garbage);
        assertThat(deadLetter.key()).isEqualTo(hostileKey);
        assertThat(KafkaTestClient.header(deadLetter, "x-origin")).isEqualTo("nul\u0000header");
        EnrollmentFixtures.eventually()
                .until(() -> fixtures.contact(account, new ContactKey("aloware", "after-nul-key")) != null);
    }

    @Test
    void aMessageIdWithAControlCharacterIsDeadLettered() {
        String id = "id\u0000" + UUID.randomUUID();
        publishRaw("""
                {"id": "%s", "type": "enrollment.enroll", "version": 1, "account_id": %d,
                 "data": {"sequence_id": %d, "source": "hubspot", "id": "1"}}"""
                .formatted(id.replace("\u0000", "\\u0000"), account, sequenceId));

        assertThat(KafkaTestClient.header(deadLetter(id.substring(3)), "dead-letter-reason"))
                .isEqualTo("The message id holds control characters or invalid Unicode");
    }

    @Test
    void aMessageOfAnUnknownTypeIsDeadLettered() {
        String id = publish("enrollment.teleport", "{\"sequence_id\": 1}");

        assertThat(KafkaTestClient.header(deadLetter(id), "dead-letter-reason"))
                .isEqualTo("Unknown message type 'enrollment.teleport' version 1");
    }

    @Test
    void aCommandWithMissingOrInvalidFieldsIsDeadLetteredWithTheFieldsNamed() {
        String noSource = publish("enrollment.enroll", "{\"sequence_id\": %d, \"id\": 1}".formatted(sequenceId));
        String badPhone = publish("enrollment.enroll",
                "{\"sequence_id\": %d, \"source\": \"phone_number\", \"phone_number\": \"12\"}".formatted(sequenceId));
        String wrongType = publish("enrollment.enroll",
                "{\"sequence_id\": \"twelve\", \"source\": \"hubspot\", \"id\": 1}");

        assertThat(KafkaTestClient.header(deadLetter(noSource), "dead-letter-reason"))
                .contains("[source: The source field is required.]");
        assertThat(KafkaTestClient.header(deadLetter(badPhone), "dead-letter-reason"))
                .contains("[phone_number: The phone number field must be a valid phone number.]");
        assertThat(KafkaTestClient.header(deadLetter(wrongType), "dead-letter-reason"))
                .startsWith("The data of a 'enrollment.enroll' message is malformed");
        assertThat(fixtures.contactCount(account)).isZero();
    }

    @Test
    void aCommandForAnUnknownAccountIsDeadLettered() {
        String id = "unknown-account-" + UUID.randomUUID();
        long stranger = MessagingTestClient.newAccount();
        publishRaw("""
                {"id": "%s", "type": "enrollment.enroll", "version": 1, "account_id": %d,
                 "data": {"sequence_id": %d, "source": "hubspot", "id": "1"}}""".formatted(id, stranger, sequenceId));

        assertThat(KafkaTestClient.header(deadLetter(id), "dead-letter-reason"))
                .isEqualTo("Unknown account " + stranger);
    }

    @Test
    void aDisenrollCommandEndsTheEnrollmentAndIsAnnounced() throws Exception {
        publish("enrollment.enroll", "{\"sequence_id\": %d, \"source\": \"hubspot\", \"id\": \"leaving\"}"
                .formatted(sequenceId));
        EnrollmentFixtures.eventually()
                .until(() -> fixtures.contact(account, new ContactKey("hubspot", "leaving")) != null);
        long contactId = fixtures.contact(account, new ContactKey("hubspot", "leaving")).id;

        publish("enrollment.disenroll", "{\"source\": \"hubspot\", \"id\": \"leaving\"}");

        List<ConsumerRecord<String, byte[]>> disenrolled = client.kafka().read(Topics.ENROLLMENT_EVENTS,
                record -> Long.toString(contactId).equals(record.key())
                        && KafkaTestClient.value(record).contains("\"contact.disenrolled\""),
                1, MessagingTestClient.patience());
        assertThat(mapper.readTree(disenrolled.get(0).value()).path("data").path("reason").asText())
                .isEqualTo("disenrolled");
        assertThat(fixtures.activeEnrollment(contactId)).isNull();
    }

    @Test
    void deletingASequenceEndsItsEnrollments() throws Exception {
        publish("enrollment.enroll", "{\"sequence_id\": %d, \"source\": \"hubspot\", \"id\": \"orphan\"}"
                .formatted(sequenceId));
        EnrollmentFixtures.eventually()
                .until(() -> fixtures.contact(account, new ContactKey("hubspot", "orphan")) != null);
        long contactId = fixtures.contact(account, new ContactKey("hubspot", "orphan")).id;
        EnrollmentFixtures.eventually().until(() -> fixtures.activeEnrollment(contactId) != null);

        fixtures.deleteSequence(account, sequenceId);

        EnrollmentFixtures.eventually().until(() -> fixtures.activeEnrollment(contactId) == null);
        List<ConsumerRecord<String, byte[]>> ended = client.kafka().read(Topics.ENROLLMENT_EVENTS,
                record -> Long.toString(contactId).equals(record.key())
                        && KafkaTestClient.value(record).contains("sequence_deleted"),
                1, MessagingTestClient.patience());
        assertThat(ended).hasSize(1);
    }
}
