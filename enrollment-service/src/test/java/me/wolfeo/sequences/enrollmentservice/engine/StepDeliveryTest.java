package me.wolfeo.sequences.enrollmentservice.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import me.wolfeo.sequences.enrollmentservice.EnrollmentFixtures;
import me.wolfeo.sequences.enrollmentservice.delivery.ContentServiceStub;
import me.wolfeo.sequences.local.testing.Mailbox;
import me.wolfeo.sequences.local.testing.SmsSink;
import me.wolfeo.sequences.platform.contract.Topics;
import me.wolfeo.sequences.platform.contract.content.EmailMessage;
import me.wolfeo.sequences.platform.contract.enrollment.Enroll;
import me.wolfeo.sequences.platform.contract.enrollment.EnrollmentMessageTypes;
import me.wolfeo.sequences.platform.contract.enrollment.EnrollmentProgress;
import me.wolfeo.sequences.platform.contract.enrollment.EnrollmentResult;
import me.wolfeo.sequences.platform.contract.sequence.StageData;
import me.wolfeo.sequences.platform.contract.sequence.StageRules;
import me.wolfeo.sequences.platform.testing.MessagingTestClient;

/**
 * Email and SMS steps reach the real local servers: mail is read back over IMAP from the SMTP server it was sent
 * to, SMS requests from the Twilio-shaped sink that received them. Each side effect carries the key derived from
 * (enrollment, stage).
 */
@QuarkusTest
class StepDeliveryTest {

    private static final int HOUR = 3600;

    @Inject
    MessagingTestClient client;
    @Inject
    EnrollmentFixtures fixtures;
    @Inject
    EngineClock clock;
    @ConfigProperty(name = "local.mail.imap-port")
    int imapPort;
    @ConfigProperty(name = "enrollment.delivery.sms.base-url")
    String smsBaseUrl;

    private long account;
    private long sequenceId;
    private SmsSink sms;

    @BeforeEach
    void accountWithASequence() {
        account = fixtures.knownAccount();
        sequenceId = fixtures.knownSequence(account, "Delivery");
        sms = new SmsSink(smsBaseUrl);
    }

    @AfterEach
    void sinkAcceptsAgain() {
        sms.accept();
    }

    private long enroll(String email, String phone, String firstName) {
        return client.ok(client.send(Topics.ENROLLMENT_COMMANDS, EnrollmentMessageTypes.ENROLL, account,
                new Enroll(sequenceId, false, "zoho", UUID.randomUUID().toString(), phone, email, firstName, null)),
                EnrollmentResult.class).contactId();
    }

    private EnrollmentProgress progress(long contactId) {
        return fixtures.progress(contactId, sequenceId);
    }

    private void awaitHistory(long contactId, int steps) {
        EnrollmentFixtures.eventually().until(() -> progress(contactId).history().size() >= steps);
    }

    private static String uniquePhone() {
        return "+1415555" + String.format("%04d", (int) (Math.random() * 10_000));
    }

    private List<SmsSink.Request> requestsTo(String phone) {
        return sms.requests().stream().filter(request -> phone.equals(request.to())).toList();
    }

    private StageData emailStage(int step, String subject, String html) {
        StageData stage = fixtures.knownStage(account, sequenceId, step, StageRules.SEND_EMAIL, 0, HOUR, true, null);
        ContentServiceStub.register(account, new EmailMessage(EnrollmentFixtures.newId(), stage.id(), subject, "Acme",
                "hello@acme.test", html));
        return stage;
    }

    @Test
    void anEmailStepSendsItsContentWithThePlaceholdersFilledFromTheContact() {
        StageData stage = emailStage(1, "Hi {{first_name|there}}",
                "<p>Hello {{first_name}}, {{last_name|friend}}!</p>");
        String address = "ada-" + UUID.randomUUID() + "@example.com";
        long contact = enroll(address, null, "Ada <b>");

        List<Mailbox.Mail> received = new Mailbox(imapPort, address).awaitMessages(1, MessagingTestClient.patience());
        awaitHistory(contact, 1);
        EnrollmentProgress done = progress(contact);
        Mailbox.Mail mail = received.get(0);
        assertThat(mail.messageId()).isEqualTo("<enrollment-" + done.enrollmentId() + ".stage-" + stage.id()
                + "@sequences.local>");
        assertThat(mail.subject()).isEqualTo("Hi Ada <b>");
        assertThat(mail.html()).contains("<p>Hello Ada &lt;b&gt;, friend!</p>");
        assertThat(mail.from()).contains("hello@acme.test");
        assertThat(done.history().get(0).outcome()).isEqualTo("done");
        assertThat(done.state()).isEqualTo("finished");
    }

    @Test
    void aContactWithoutAnEmailAddressIsSkippedWithTheReasonAndTheSequenceGoesOn() {
        emailStage(1, "Hello", "<p>Hello</p>");
        fixtures.knownActionStage(account, sequenceId, 2, 0, HOUR);
        long contact = enroll(null, uniquePhone(), "Nomail");

        awaitHistory(contact, 2);
        List<EnrollmentProgress.StepRecord> history = progress(contact).history();
        assertThat(history).extracting(EnrollmentProgress.StepRecord::outcome).containsExactly("skipped", "done");
        assertThat(history.get(0).reason()).isEqualTo("no_email");
    }

    @Test
    void anSmsStepSendsItsTextToTheContactsPhoneWithAnIdempotencyToken() {
        StageData stage = fixtures.knownStage(account, sequenceId, 1, StageRules.SEND_SMS, 0, HOUR, true,
                "Hi {{first_name}}, see you soon");
        String phone = uniquePhone();
        long contact = enroll(null, phone, "Grace");

        awaitHistory(contact, 1);
        List<SmsSink.Request> requests = requestsTo(phone);
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).body()).isEqualTo("Hi Grace, see you soon");
        assertThat(requests.get(0).idempotencyToken())
                .isEqualTo("enrollment-" + progress(contact).enrollmentId() + "-stage-" + stage.id());
        assertThat(progress(contact).history().get(0).outcome()).isEqualTo("done");
    }

    @Test
    void anSmsProviderThatIsDownIsRetriedWithBackoffThenTheSameMessageGoesThrough() {
        fixtures.knownStage(account, sequenceId, 1, StageRules.SEND_SMS, 0, HOUR, true, "Retry me");
        sms.refuse(503);
        String phone = uniquePhone();
        long contact = enroll(null, phone, "Retry");

        EnrollmentFixtures.eventually().until(() -> "retry".equals(progress(contact).waitingFor()));
        assertThat(progress(contact).history()).isEmpty();
        sms.accept();
        clock.adjustable().orElseThrow().advance(Duration.ofMinutes(1));

        awaitHistory(contact, 1);
        EnrollmentProgress.StepRecord step = progress(contact).history().get(0);
        assertThat(step.outcome()).isEqualTo("done");
        assertThat(step.attempts()).isGreaterThanOrEqualTo(2);
        List<SmsSink.Request> requests = requestsTo(phone);
        assertThat(requests).hasSizeGreaterThanOrEqualTo(2);
        assertThat(requests).extracting(SmsSink.Request::idempotencyToken).containsOnly(
                requests.get(0).idempotencyToken());
    }

    @Test
    void aStepWhoseProviderStaysDownPastTheRetryWindowFailsAndTheEnrollmentGoesOn() {
        fixtures.knownStage(account, sequenceId, 1, StageRules.SEND_SMS, 0, HOUR, true, "Never");
        fixtures.knownActionStage(account, sequenceId, 2, 0, HOUR);
        sms.refuse(503);
        long contact = enroll(null, uniquePhone(), "Down");

        EnrollmentFixtures.eventually().until(() -> "retry".equals(progress(contact).waitingFor()));
        clock.adjustable().orElseThrow().advance(Duration.ofMinutes(16));

        awaitHistory(contact, 2);
        List<EnrollmentProgress.StepRecord> history = progress(contact).history();
        assertThat(history).extracting(EnrollmentProgress.StepRecord::outcome).containsExactly("failed", "done");
        assertThat(history.get(0).reason()).startsWith("Gave up after 2 attempts: The SMS provider answered 503");
    }

    @Test
    void aProviderThatRefusesAMessageForGoodFailsTheStepAtOnce() {
        fixtures.knownStage(account, sequenceId, 1, StageRules.SEND_SMS, 0, HOUR, true, "Refused");
        sms.refuse(400);
        long contact = enroll(null, uniquePhone(), "Refused");

        awaitHistory(contact, 1);
        EnrollmentProgress.StepRecord step = progress(contact).history().get(0);
        assertThat(step.outcome()).isEqualTo("failed");
        assertThat(step.attempts()).isEqualTo(1);
        assertThat(step.reason()).startsWith("The SMS provider answered 400");
    }
}
