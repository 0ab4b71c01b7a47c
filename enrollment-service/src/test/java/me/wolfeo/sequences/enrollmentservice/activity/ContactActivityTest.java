package me.wolfeo.sequences.enrollmentservice.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

import me.wolfeo.sequences.enrollmentservice.EnrollmentFixtures;
import me.wolfeo.sequences.enrollmentservice.contact.Contact;
import me.wolfeo.sequences.enrollmentservice.contact.ContactKey;
import me.wolfeo.sequences.enrollmentservice.delivery.ContentServiceStub;
import me.wolfeo.sequences.enrollmentservice.engine.EngineClock;
import me.wolfeo.sequences.local.testing.KafkaTestClient;
import me.wolfeo.sequences.platform.contract.Topics;
import me.wolfeo.sequences.platform.contract.contact.ActivityRecorded;
import me.wolfeo.sequences.platform.contract.contact.ContactDetail;
import me.wolfeo.sequences.platform.contract.contact.ContactMessageTypes;
import me.wolfeo.sequences.platform.contract.contact.RecordActivity;
import me.wolfeo.sequences.platform.contract.contact.UpdateContact;
import me.wolfeo.sequences.platform.contract.content.EmailMessage;
import me.wolfeo.sequences.platform.contract.enrollment.Enroll;
import me.wolfeo.sequences.platform.contract.enrollment.EnrollmentMessageTypes;
import me.wolfeo.sequences.platform.contract.enrollment.EnrollmentProgress;
import me.wolfeo.sequences.platform.contract.enrollment.EnrollmentResult;
import me.wolfeo.sequences.platform.contract.sequence.StageData;
import me.wolfeo.sequences.platform.contract.sequence.StageRules;
import me.wolfeo.sequences.platform.messaging.Reply;
import me.wolfeo.sequences.platform.testing.MessagingTestClient;

/**
 * What a contact does stops its sequence: a reply or a booked meeting ends the enrollment (unless the sequence
 * says otherwise), a bounce ends it and its address is not mailed again, an unsubscribe ends it and keeps the
 * contact out until the opt-out is lifted. Activity comes on {@code contacts.activity}, from the gateway (with a
 * reply) or published by internal systems (bad messages dead-lettered), on the real broker and database.
 */
@QuarkusTest
class ContactActivityTest {

    private static final int HOUR = 3600;
    private static final String DLQ = Topics.deadLetter(Topics.CONTACT_ACTIVITY);
    private static final Duration A_FEW_POLLS = Duration.ofMillis(1500);

    @Inject
    MessagingTestClient client;
    @Inject
    EnrollmentFixtures fixtures;
    @Inject
    ObjectMapper mapper;
    @Inject
    EngineClock clock;
    @Inject
    AgroalDataSource dataSource;

    private long account;
    private long sequenceId;

    @BeforeEach
    void accountWithASequenceWaitingAnHour() {
        account = fixtures.knownAccount();
        sequenceId = fixtures.knownSequence(account, "Outreach");
        fixtures.knownActionStage(account, sequenceId, 1, 1, HOUR);
    }

    private Reply enrollReply(long sequence, String crmId, String email) {
        return client.send(Topics.ENROLLMENT_COMMANDS, EnrollmentMessageTypes.ENROLL, account,
                new Enroll(sequence, false, "hubspot", crmId, null, email, "Ada", null));
    }

    private long enroll(long sequence, String crmId) {
        return client.ok(enrollReply(sequence, crmId, crmId + "@example.com"), EnrollmentResult.class).contactId();
    }

    private Reply activity(RecordActivity activity) {
        return client.send(Topics.CONTACT_ACTIVITY, ContactMessageTypes.RECORD_ACTIVITY, account, activity);
    }

    private ActivityRecorded activityOk(long contactId, String type) {
        return client.ok(activity(new RecordActivity(contactId, null, null, null, type, null)),
                ActivityRecorded.class);
    }

    private Reply update(UpdateContact update) {
        return client.send(Topics.ENROLLMENT_COMMANDS, ContactMessageTypes.UPDATE, account, update);
    }

    private EnrollmentProgress progress(long contactId, long sequence) {
        return fixtures.progress(contactId, sequence);
    }

    /** Publishes an activity as an internal system does, in the documented JSON; returns its id. */
    private String publish(String key, String data) {
        String id = "crm-activity-" + UUID.randomUUID();
        publishRaw(key, """
                {"id": "%s", "type": "contact.record_activity", "version": 1, "account_id": %d, "data": %s}"""
                .formatted(id, account, data));
        return id;
    }

    private void publishRaw(String key, String json) {
        client.kafka().send(Topics.CONTACT_ACTIVITY, key, json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    private List<ConsumerRecord<String, byte[]>> events(long contactId, String type, int atLeast,
            Duration within) {
        return client.kafka().read(Topics.ENROLLMENT_EVENTS, record -> Long.toString(contactId).equals(record.key())
                && KafkaTestClient.value(record).contains("\"type\":\"" + type + "\""), atLeast, within);
    }

    private String disenrollReason(long contactId) throws Exception {
        List<ConsumerRecord<String, byte[]>> ended = events(contactId, "contact.disenrolled", 1,
                MessagingTestClient.patience());
        assertThat(ended).hasSize(1);
        return mapper.readTree(ended.get(0).value()).path("data").path("reason").asText();
    }

    private String deadLetterReason(String containing) {
        List<ConsumerRecord<String, byte[]>> found = client.kafka().readContaining(DLQ, containing, 1,
                MessagingTestClient.patience());
        assertThat(found).as("a dead letter containing %s", containing).hasSize(1);
        return KafkaTestClient.header(found.get(0), "dead-letter-reason");
    }

    private Contact contact(String crmId) {
        return fixtures.contact(account, new ContactKey("hubspot", crmId));
    }

    private void setStopFlags(long sequence, boolean onReply, boolean onMeeting) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE sequence_projection SET stop_on_reply = ?, stop_on_meeting = ? WHERE sequence_id = ?")) {
            update.setBoolean(1, onReply);
            update.setBoolean(2, onMeeting);
            update.setLong(3, sequence);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void aReplyEndsTheEnrollmentWithReasonRepliedAndIsAnnounced() throws Exception {
        long contact = enroll(sequenceId, "replier");

        ActivityRecorded recorded = activityOk(contact, "replied");

        assertThat(recorded.endedEnrollment()).isTrue();
        assertThat(recorded.sequenceId()).isEqualTo(sequenceId);
        EnrollmentProgress ended = progress(contact, sequenceId);
        assertThat(ended.state()).isEqualTo("disenrolled");
        assertThat(ended.endReason()).isEqualTo("replied");
        assertThat(disenrollReason(contact)).isEqualTo("replied");
        JsonNode announced = mapper.readTree(events(contact, "contact.activity_recorded", 1,
                MessagingTestClient.patience()).get(0).value()).path("data");
        assertThat(announced.path("type").asText()).isEqualTo("replied");
        assertThat(announced.path("ended_enrollment").asBoolean()).isTrue();

        clock.adjustable().orElseThrow().advance(Duration.ofHours(2));
        Thread.sleep(A_FEW_POLLS.toMillis());
        assertThat(progress(contact, sequenceId).history()).as("the step that was due is never run").isEmpty();
    }

    @Test
    void aBookedMeetingEndsTheEnrollmentWithReasonMeetingBooked() throws Exception {
        long contact = enroll(sequenceId, "booker");

        assertThat(activityOk(contact, "meeting_booked").endedEnrollment()).isTrue();

        assertThat(progress(contact, sequenceId).endReason()).isEqualTo("meeting_booked");
        assertThat(disenrollReason(contact)).isEqualTo("meeting_booked");
    }

    @Test
    void aSequenceThatDoesNotStopOnReplyOrMeetingKeepsGoingAndRunsItsNextStep() throws Exception {
        setStopFlags(sequenceId, false, false);
        long contact = enroll(sequenceId, "keeps-going");

        assertThat(activityOk(contact, "replied").endedEnrollment()).isFalse();
        assertThat(activityOk(contact, "meeting_booked").endedEnrollment()).isFalse();

        assertThat(progress(contact, sequenceId).state()).isEqualTo("active");
        clock.adjustable().orElseThrow().advance(Duration.ofHours(1));
        EnrollmentFixtures.eventually().until(() -> progress(contact, sequenceId).history().size() == 1);
        assertThat(progress(contact, sequenceId).state()).isEqualTo("finished");
    }

    @Test
    void aBounceEndsTheEnrollmentAndTheBouncedAddressIsNotMailedAgainUntilTheContactHasAnotherOne()
            throws Exception {
        String crmId = "bouncer-" + UUID.randomUUID();
        long contact = enroll(sequenceId, crmId);

        assertThat(activityOk(contact, "bounced").endedEnrollment()).isTrue();
        assertThat(progress(contact, sequenceId).endReason()).isEqualTo("bounced");
        assertThat(disenrollReason(contact)).isEqualTo("bounced");

        long mailing = emailingSequence("Mailing");
        client.ok(enrollReply(mailing, crmId, null), EnrollmentResult.class);
        EnrollmentFixtures.eventually().until(() -> progress(contact, mailing).history().size() == 1);
        EnrollmentProgress.StepRecord skipped = progress(contact, mailing).history().get(0);
        assertThat(skipped.outcome()).isEqualTo("skipped");
        assertThat(skipped.reason()).isEqualTo("email_bounced");

        ContactDetail changed = client.ok(update(new UpdateContact(contact, null, null, "new-" + crmId
                + "@example.com", null, null)), ContactDetail.class);
        assertThat(changed.emailBounced()).isFalse();
        long again = emailingSequence("Mailing again");
        client.ok(enrollReply(again, crmId, null), EnrollmentResult.class);
        EnrollmentFixtures.eventually().until(() -> progress(contact, again).history().size() == 1);
        assertThat(progress(contact, again).history().get(0).outcome()).isEqualTo("done");
    }

    private long emailingSequence(String name) {
        long sequence = fixtures.knownSequence(account, name);
        StageData stage = fixtures.knownStage(account, sequence, 1, StageRules.SEND_EMAIL, 0, HOUR, true, null);
        ContentServiceStub.register(account, new EmailMessage(EnrollmentFixtures.newId(), stage.id(), "Hi",
                "Acme", "hello@acme.test", "<p>Hi</p>"));
        return sequence;
    }

    @Test
    void anUnsubscribeOptsTheContactOutAndALaterEnrollIsRefusedUntilTheOptOutIsLifted() throws Exception {
        long contact = enroll(sequenceId, "leaver");

        assertThat(activityOk(contact, "unsubscribed").endedEnrollment()).isTrue();
        assertThat(progress(contact, sequenceId).endReason()).isEqualTo("opted_out");
        assertThat(disenrollReason(contact)).isEqualTo("opted_out");
        assertThat(contact("leaver").optedOut).isTrue();

        long other = fixtures.knownSequence(account, "Other");
        Reply refused = enrollReply(other, "leaver", null);
        assertThat(refused.isOk()).isFalse();
        assertThat(refused.error().code()).isEqualTo("CONTACT_OPTED_OUT");
        List<ConsumerRecord<String, byte[]>> rejected = client.kafka().read(Topics.ENROLLMENT_EVENTS,
                record -> KafkaTestClient.value(record).contains("\"enrollment.rejected\"")
                        && KafkaTestClient.value(record).contains("\"leaver\""),
                1, MessagingTestClient.patience());
        assertThat(mapper.readTree(rejected.get(0).value()).path("data").path("code").asText())
                .isEqualTo("CONTACT_OPTED_OUT");
        assertThat(progress(contact, other)).isNull();

        assertThat(client.ok(update(new UpdateContact(contact, null, false, null, null, null)), ContactDetail.class)
                .optedOut()).isFalse();
        client.ok(enrollReply(other, "leaver", null), EnrollmentResult.class);
        assertThat(progress(contact, other).state()).isEqualTo("active");
    }

    @Test
    void activityForAContactInNoSequenceIsRecordedOnTheContact() {
        long contact = enroll(sequenceId, "between-sequences");
        activityOk(contact, "replied");

        ActivityRecorded bounced = activityOk(contact, "bounced");
        ActivityRecorded unsubscribed = activityOk(contact, "unsubscribed");

        assertThat(bounced.endedEnrollment()).isFalse();
        assertThat(bounced.enrollmentId()).isNull();
        assertThat(unsubscribed.endedEnrollment()).isFalse();
        Contact stored = contact("between-sequences");
        assertThat(stored.optedOut).isTrue();
        assertThat(stored.emailBounced()).isTrue();
    }

    @Test
    void theContactMayBeNamedByItsCrmIdOrItsPhoneNumberAndTheTimeItHappenedIsKept() {
        client.ok(client.send(Topics.ENROLLMENT_COMMANDS, EnrollmentMessageTypes.ENROLL, account,
                new Enroll(sequenceId, false, "zoho", "z-1", "+1 818-555-0142", null, null, null)),
                EnrollmentResult.class);

        ActivityRecorded byCrm = client.ok(activity(new RecordActivity(null, "zoho", "z-1", null, "replied",
                "2026-11-23T13:00:00+01:00")), ActivityRecorded.class);
        ActivityRecorded byPhone = client.ok(activity(new RecordActivity(null, null, null, "(818) 555-0142",
                "unsubscribed", null)), ActivityRecorded.class);

        assertThat(byCrm.occurredAt()).isEqualTo(Instant.parse("2026-11-23T12:00:00Z"));
        assertThat(byCrm.endedEnrollment()).isTrue();
        assertThat(byPhone.contactId()).isEqualTo(byCrm.contactId());
        assertThat(byPhone.occurredAt()).isNotNull();
    }

    @Test
    void anUnknownContactIsNotFoundForTheGatewayAndDeadLetteredForInternalSystems() {
        long stranger = MessagingTestClient.newAccount();
        long contact = enroll(sequenceId, "owned");

        Reply missing = activity(new RecordActivity(null, "hubspot", "nobody", null, "replied", null));
        Reply otherAccount = client.send(Topics.CONTACT_ACTIVITY, ContactMessageTypes.RECORD_ACTIVITY, stranger,
                new RecordActivity(contact, null, null, null, "unsubscribed", null));
        String published = publish(account + ":hubspot:nobody",
                "{\"source\": \"hubspot\", \"id\": \"nobody\", \"type\": \"replied\"}");

        assertThat(missing.error().code()).isEqualTo("NOT_FOUND");
        assertThat(otherAccount.error().code()).isEqualTo("NOT_FOUND");
        assertThat(deadLetterReason(published)).isEqualTo("Contact not found: hubspot nobody");
        assertThat(contact("owned").optedOut).isFalse();
        assertThat(progress(contact, sequenceId).state()).isEqualTo("active");
    }

    @Test
    void aBadActivityMessageIsDeadLetteredWithTheFieldNamedAndChangesNothing() {
        long contact = enroll(sequenceId, "untouched");
        String key = account + ":contact:" + contact;

        String unknownType = publish(key, "{\"contact_id\": %d, \"type\": \"waved\"}".formatted(contact));
        String badTime = publish(key,
                "{\"contact_id\": %d, \"type\": \"unsubscribed\", \"occurred_at\": \"yesterday\"}".formatted(contact));
        String noContact = publish(key, "{\"type\": \"unsubscribed\"}");
        String twoContacts = publish(key, "{\"contact_id\": %d, \"source\": \"hubspot\", \"id\": \"untouched\", "
                .formatted(contact) + "\"type\": \"unsubscribed\"}");
        String controlCharacter = publish(key,
                "{\"source\": \"hubspot\", \"id\": \"un\\u0007touched\", \"type\": \"unsubscribed\"}");
        String notJson = "activity " + UUID.randomUUID();
        publishRaw(key, notJson);

        assertThat(deadLetterReason(unknownType)).contains("[type: The selected type is invalid.]");
        assertThat(deadLetterReason(badTime)).contains("[occurred_at: The occurred at field must be an ISO-8601");
        assertThat(deadLetterReason(noContact)).contains("[contact_id: Give exactly one of");
        assertThat(deadLetterReason(twoContacts)).contains("[contact_id: Give exactly one of");
        assertThat(deadLetterReason(controlCharacter)).contains("[id: The id field must not contain control");
        assertThat(deadLetterReason(notJson)).isEqualTo("The message is not valid JSON");
        assertThat(contact("untouched").optedOut).isFalse();
        assertThat(progress(contact, sequenceId).state()).isEqualTo("active");
    }

    @Test
    void aRedeliveredActivityMessageIsAppliedOnce() throws Exception {
        long contact = enroll(sequenceId, "redelivered");
        String message = """
                {"id": "redelivered-%s", "type": "contact.record_activity", "version": 1, "account_id": %d,
                 "data": {"contact_id": %d, "type": "replied"}}""".formatted(UUID.randomUUID(), account, contact);

        publishRaw(account + ":contact:" + contact, message);
        publishRaw(account + ":contact:" + contact, message);

        assertThat(disenrollReason(contact)).isEqualTo("replied");
        // Ask for one more than expected: a second application would be a second event.
        assertThat(events(contact, "contact.activity_recorded", 2, Duration.ofSeconds(3))).hasSize(1);
    }

    @Test
    void aContactUpdateChecksItsFieldsAndChangesNothingWhenOneIsBad() {
        long contact = enroll(sequenceId, "settings");

        Reply badZone = update(new UpdateContact(contact, "Mars/Olympus", null, null, "Changed", null));
        Reply control = update(new UpdateContact(contact, null, null, null, "Ada\u0000", null));
        Reply otherAccount = client.send(Topics.ENROLLMENT_COMMANDS, ContactMessageTypes.UPDATE,
                MessagingTestClient.newAccount(), new UpdateContact(contact, null, true, null, null, null));

        assertThat(badZone.error().code()).isEqualTo("VALIDATION_ERROR");
        assertThat(badZone.error().details()).containsKey("timezone");
        assertThat(control.error().details()).containsKey("first_name");
        assertThat(otherAccount.error().code()).isEqualTo("NOT_FOUND");
        assertThat(contact("settings").firstName).isEqualTo("Ada");
        assertThat(contact("settings").optedOut).isFalse();

        ContactDetail changed = client.ok(update(new UpdateContact(contact, "Europe/Dublin", null, null, "Grace",
                null)), ContactDetail.class);
        assertThat(changed.timezone()).isEqualTo("Europe/Dublin");
        assertThat(changed.firstName()).isEqualTo("Grace");
        assertThat(changed.email()).isEqualTo("settings@example.com");
    }

    /**
     * The engine claims an enrollment by locking its row ({@code FOR UPDATE SKIP LOCKED}) for the whole claim
     * transaction, while the step is sent. Here the test holds that lock as a claim would: an activity that
     * arrives meanwhile waits, is not lost, and applies as soon as the claim ends; the engine, which skips locked
     * rows, never runs the step of an enrollment the activity has ended.
     */
    @Test
    void anActivityArrivingWhileTheEnginesClaimHoldsTheEnrollmentAppliesRightAfterItOnce() throws Exception {
        long contact = enroll(sequenceId, "mid-step");
        long enrollmentId = fixtures.activeEnrollment(contact).id;

        try (Connection claim = dataSource.getConnection()) {
            claim.setAutoCommit(false);
            try (PreparedStatement lock = claim.prepareStatement(
                    "SELECT id FROM enrollments WHERE id = ? FOR UPDATE SKIP LOCKED")) {
                lock.setLong(1, enrollmentId);
                try (ResultSet claimed = lock.executeQuery()) {
                    assertThat(claimed.next()).isTrue();
                }
            }
            clock.adjustable().orElseThrow().advance(Duration.ofHours(1));
            CompletableFuture<Reply> reply = CompletableFuture
                    .supplyAsync(() -> activity(new RecordActivity(contact, null, null, null, "replied", null)));

            Thread.sleep(A_FEW_POLLS.toMillis());
            assertThat(reply).as("the activity waits for the claim").isNotDone();
            assertThat(progress(contact, sequenceId).state()).isEqualTo("active");
            claim.commit();

            assertThat(client.ok(reply.get(), ActivityRecorded.class).endedEnrollment()).isTrue();
        }
        assertThat(progress(contact, sequenceId).endReason()).isEqualTo("replied");
        Thread.sleep(A_FEW_POLLS.toMillis());
        assertThat(progress(contact, sequenceId).history()).isEmpty();
        assertThat(events(contact, "contact.activity_recorded", 2, Duration.ofSeconds(2))).hasSize(1);
        assertThat(events(contact, "contact.disenrolled", 2, Duration.ofSeconds(2))).hasSize(1);
    }
}
