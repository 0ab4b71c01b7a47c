package me.wolfeo.sequences.enrollmentservice.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import me.wolfeo.sequences.enrollmentservice.EnrollmentFixtures;
import me.wolfeo.sequences.enrollmentservice.contact.Contact;
import me.wolfeo.sequences.enrollmentservice.contact.ContactKey;
import me.wolfeo.sequences.enrollmentservice.sequence.SequenceServiceStub;
import me.wolfeo.sequences.platform.contract.Topics;
import me.wolfeo.sequences.platform.contract.enrollment.Disenroll;
import me.wolfeo.sequences.platform.contract.enrollment.Enroll;
import me.wolfeo.sequences.platform.contract.enrollment.EnrollmentMessageTypes;
import me.wolfeo.sequences.platform.contract.enrollment.EnrollmentResult;
import me.wolfeo.sequences.platform.contract.sequence.SequenceDetail;
import me.wolfeo.sequences.platform.messaging.ErrorCodes;
import me.wolfeo.sequences.platform.messaging.Reply;
import me.wolfeo.sequences.platform.testing.MessagingTestClient;

/** Enroll and disenroll as the gateway sends them: request-reply over the real broker. */
@QuarkusTest
class EnrollmentCommandsTest {

    @Inject
    MessagingTestClient client;
    @Inject
    EnrollmentFixtures fixtures;

    private long account;
    private long sequenceId;

    @BeforeEach
    void accountWithASequence() {
        account = MessagingTestClient.newAccount();
        sequenceId = fixtures.knownSequence(account, "Welcome");
    }

    private Reply enroll(Long sequence, String source, String id, String phone, boolean force) {
        return client.send(Topics.ENROLLMENT_COMMANDS, EnrollmentMessageTypes.ENROLL, account,
                new Enroll(sequence, force, source, id, phone, null, null, null));
    }

    @Test
    void aNewContactIsCreatedAndEnrolled() {
        Reply reply = client.send(Topics.ENROLLMENT_COMMANDS, EnrollmentMessageTypes.ENROLL, account,
                new Enroll(sequenceId, false, "hubspot", "311", "8181234567", "jane@example.com", "Jane", "Doe"));

        EnrollmentResult result = client.ok(reply, EnrollmentResult.class);
        Contact contact = fixtures.contact(account, new ContactKey("hubspot", "311"));
        assertThat(contact.id).isEqualTo(result.contactId());
        assertThat(contact.phoneNumber).isEqualTo("+18181234567");
        assertThat(contact.email).isEqualTo("jane@example.com");
        assertThat(contact.firstName).isEqualTo("Jane");
        assertThat(fixtures.activeEnrollment(contact.id).sequenceId).isEqualTo(sequenceId);
    }

    @Test
    void aPhoneGivenBesideACrmIdAlsoFindsTheContact() {
        client.ok(enroll(sequenceId, "zoho", "77", "(818) 555-0100", false), EnrollmentResult.class);

        Reply byPhone = enroll(sequenceId, "phone_number", null, "+1 818 555 0100", false);

        assertThat(byPhone.error().code()).isEqualTo(ErrorCodes.ALREADY_ENROLLED);
        assertThat(fixtures.contact(account, ContactKey.phone("+18185550100")).id)
                .isEqualTo(fixtures.contact(account, new ContactKey("zoho", "77")).id);
    }

    @Test
    void anEnrolledContactIsRefusedUnlessForcedWhichMovesIt() {
        long other = fixtures.knownSequence(account, "Other");
        client.ok(enroll(sequenceId, "aloware", "142231", null, false), EnrollmentResult.class);

        Reply refused = enroll(other, "aloware", "142231", null, false);
        Reply forced = enroll(other, "aloware", "142231", null, true);

        assertThat(refused.error().code()).isEqualTo(ErrorCodes.ALREADY_ENROLLED);
        assertThat(refused.error().message()).isEqualTo("Contact is already enrolled in a sequence.");
        assertThat(forced.isOk()).isTrue();
        Contact contact = fixtures.contact(account, new ContactKey("aloware", "142231"));
        assertThat(fixtures.activeEnrollment(contact.id).sequenceId).isEqualTo(other);
        assertThat(fixtures.enrollmentsOf(contact.id)).extracting(enrollment -> enrollment.endReason)
                .containsExactlyInAnyOrder(Enrollment.MOVED, null);
    }

    @Test
    void disenrollEndsTheEnrollmentAndAnUnknownContactIsNotFound() {
        client.ok(enroll(sequenceId, "guesty", "5f1e2d", null, false), EnrollmentResult.class);

        Reply done = client.send(Topics.ENROLLMENT_COMMANDS, EnrollmentMessageTypes.DISENROLL, account,
                new Disenroll("guesty", "5f1e2d", null));
        Reply unknown = client.send(Topics.ENROLLMENT_COMMANDS, EnrollmentMessageTypes.DISENROLL, account,
                new Disenroll("guesty", "nobody", null));

        assertThat(client.ok(done, EnrollmentResult.class).enrollments()).isEqualTo(1);
        assertThat(fixtures.activeEnrollment(fixtures.contact(account, new ContactKey("guesty", "5f1e2d")).id))
                .isNull();
        assertThat(unknown.error().code()).isEqualTo(ErrorCodes.NOT_FOUND);
        assertThat(unknown.error().message()).isEqualTo("Contact not found.");
    }

    @Test
    void anUnknownOrForeignOrDeletedSequenceIsNotFoundAndNothingIsCreated() {
        long foreign = fixtures.knownSequence(MessagingTestClient.newAccount(), "Foreign");
        long deleted = fixtures.knownSequence(account, "Deleted");
        fixtures.deleteSequence(account, deleted);
        EnrollmentFixtures.eventually().until(() -> fixtures.sequenceDeleted(deleted));

        assertThat(enroll(foreign, "hubspot", "1", null, false).error().message()).isEqualTo("Sequence not found.");
        assertThat(enroll(EnrollmentFixtures.newId(), "hubspot", "1", null, false).error().code())
                .isEqualTo(ErrorCodes.NOT_FOUND);
        assertThat(enroll(deleted, "hubspot", "1", null, false).error().code()).isEqualTo(ErrorCodes.NOT_FOUND);
        assertThat(fixtures.contactCount(account)).isZero();
    }

    @Test
    void aSequenceCreatedAMomentAgoCanBeEnrolledIntoBeforeItsEventArrives() {
        long fresh = EnrollmentFixtures.newId();
        SequenceServiceStub.register(account,
                new SequenceDetail(fresh, "Fresh", "normal", Instant.now(), false, List.of()));

        assertThat(enroll(fresh, "pipedrive", "9", null, false).isOk()).isTrue();
    }

    @Test
    void invalidCommandsAreRefusedFieldByField() {
        assertThat(enroll(sequenceId, null, "1", null, false).error().details()).containsKey("source");
        assertThat(enroll(sequenceId, "salesforce", "1", null, false).error().details()).containsKey("source");
        assertThat(enroll(sequenceId, "hubspot", null, null, false).error().details()).containsKey("id");
        assertThat(enroll(sequenceId, "phone_number", null, null, false).error().details())
                .containsKey("phone_number");
        assertThat(enroll(sequenceId, "phone_number", null, "not a phone", false).error().details())
                .containsKey("phone_number");
        assertThat(enroll(null, "hubspot", "1", null, false).error().details()).containsKey("sequence_id");
        assertThat(fixtures.contactCount(account)).isZero();
    }

    @Test
    void twentySimultaneousFirstEnrollmentsOfOneContactMakeOneContactAndOneEnrollment() {
        ExecutorService senders = Executors.newFixedThreadPool(20);
        try {
            List<CompletableFuture<Reply>> replies = IntStream.range(0, 20)
                    .mapToObj(i -> CompletableFuture.supplyAsync(
                            () -> enroll(sequenceId, "hubspot", "crowd", null, false), senders))
                    .toList();

            Map<String, Long> outcomes = replies.stream().map(CompletableFuture::join)
                    .map(reply -> reply.isOk() ? "enrolled" : reply.error().code())
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(
                    Map.of("enrolled", 1L, ErrorCodes.ALREADY_ENROLLED, 19L));
        } finally {
            senders.shutdownNow();
        }
        assertThat(fixtures.contactCount(account)).isEqualTo(1);
    }

    @Test
    void anEnrollRacingTheDeletionOfItsSequenceNeverLeavesAnActiveEnrollmentInADeletedSequence() throws Exception {
        ExecutorService racers = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 15; round++) {
                long doomed = fixtures.knownSequence(account, "Doomed " + round);
                String id = "racer-" + round;
                CompletableFuture<Reply> enrolled = CompletableFuture.supplyAsync(
                        () -> enroll(doomed, "hubspot", id, null, false), racers);
                CompletableFuture<Void> deleted = CompletableFuture.runAsync(
                        () -> fixtures.deleteSequence(account, doomed), racers);
                CompletableFuture.allOf(enrolled, deleted).get();
                EnrollmentFixtures.eventually().until(() -> fixtures.sequenceDeleted(doomed));

                Contact contact = fixtures.contact(account, new ContactKey("hubspot", id));
                if (contact != null) {
                    EnrollmentFixtures.eventually().until(() -> fixtures.activeEnrollment(contact.id) == null);
                    assertThat(enroll(sequenceId, "hubspot", id, null, false).isOk())
                            .as("round %d: the contact is free to enroll elsewhere", round).isTrue();
                }
            }
        } finally {
            racers.shutdown();
        }
    }
}
