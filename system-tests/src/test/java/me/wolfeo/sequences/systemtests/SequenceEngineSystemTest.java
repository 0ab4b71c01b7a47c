package me.wolfeo.sequences.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import me.wolfeo.sequences.local.testing.Mailbox;
import me.wolfeo.sequences.local.testing.SmsSink;

/**
 * The platform runs its sequences: through the public API a stage is configured and activated, a contact is
 * enrolled, and the step reaches the real local SMTP server or SMS sink on time. Time is enrollment-service's
 * clock, moved forward by the tests.
 */
class SequenceEngineSystemTest {

    private static final DateTimeFormatter API_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Platform.Account account;

    @BeforeEach
    void newAccount() {
        account = Platform.newAccount("Engine");
    }

    private long stage(long sequenceId, String stageType, int timeValue, int timeType) {
        return ((Number) Platform.as(account).contentType(ContentType.JSON)
                .body("{\"sequence_id\": " + sequenceId + ", \"stage_type\": \"" + stageType + "\", \"time_value\": "
                        + timeValue + ", \"time_type\": " + timeType + "}")
                .when().post("/v1/sequence-stage")
                .then().statusCode(201).extract().path("data.id")).longValue();
    }

    private void activate(long stageId) {
        Platform.as(account).contentType(ContentType.JSON)
                .body("{\"stage_id\": " + stageId + ", \"active\": true}")
                .when().put("/v1/sequence-stage")
                .then().statusCode(200).body("data.active", equalTo(true));
    }

    private long enroll(long sequenceId, String fields) {
        Platform.anonymous().contentType(ContentType.JSON)
                .body("{\"api_token\": \"" + account.token() + "\", \"sequence_id\": " + sequenceId + ", " + fields
                        + "}")
                .when().post("/api/v1/webhook/sequence-enroll")
                .then().statusCode(200);
        return ((Number) Platform.as(account).queryParam("sequence_id", sequenceId)
                .when().get("/v1/sequences-contacts")
                .then().statusCode(200).extract().path("data[-1].id")).longValue();
    }

    private JsonPath progress(long contactId, long sequenceId) {
        return Platform.as(account).queryParam("contact_id", contactId).queryParam("sequence_id", sequenceId)
                .when().get("/v1/contact-sequence")
                .then().statusCode(200).extract().jsonPath();
    }

    private JsonPath awaitSteps(long contactId, long sequenceId, int steps) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> progress(contactId, sequenceId).getList("data.history").size() >= steps);
        return progress(contactId, sequenceId);
    }

    @Test
    void anActivatedEmailStageSendsItsContentToTheEnrolledContactsAddress() {
        long sequenceId = Fixtures.sequence(account, "Welcome");
        long stageId = stage(sequenceId, "send_email", 0, 3600);
        Platform.as(account).contentType(ContentType.JSON)
                .body("{\"stage_id\": " + stageId + ", \"subject\": \"Welcome, {{first_name}}\", "
                        + "\"from_email\": \"team@acme.test\", \"html\": \"<p>Hello {{first_name|there}}</p>\"}")
                .when().put("/v1/sequence-stage-content")
                .then().statusCode(200);
        activate(stageId);
        String address = "newcomer-" + UUID.randomUUID() + "@example.com";

        long contactId = enroll(sequenceId, "\"source\": \"hubspot\", \"id\": \"" + UUID.randomUUID()
                + "\", \"email\": \"" + address + "\", \"first_name\": \"Lin\"");

        List<Mailbox.Mail> mail = new Mailbox(Platform.get().imapPort(), address).awaitMessages(1,
                Duration.ofSeconds(20));
        assertThat(mail).hasSize(1);
        assertThat(mail.get(0).subject()).isEqualTo("Welcome, Lin");
        assertThat(mail.get(0).html()).isEqualTo("<p>Hello Lin</p>");
        assertThat(mail.get(0).from()).contains("team@acme.test");
        JsonPath progress = awaitSteps(contactId, sequenceId, 1);
        assertThat(progress.getString("data.state")).isEqualTo("finished");
        assertThat(progress.getString("data.history[0].outcome")).isEqualTo("done");
        assertThat(mail.get(0).messageId()).isEqualTo("<enrollment-" + progress.getLong("data.enrollment_id")
                + ".stage-" + stageId + "@sequences.local>");
    }

    @Test
    void aStageWithAOneHourDelayRunsWithinASecondOfItsDueInstantAndNotBefore() throws Exception {
        long sequenceId = Fixtures.sequence(account, "An hour later");
        long stageId = stage(sequenceId, "action", 1, 3600);
        activate(stageId);
        long contactId = enroll(sequenceId, "\"source\": \"aloware\", \"id\": \"" + UUID.randomUUID() + "\"");
        LocalDateTime due = LocalDateTime.parse(progress(contactId, sequenceId).getString("data.next_due_at"),
                API_TIME);

        // To two seconds before the due instant; the clock then runs on by itself into it.
        Platform.advanceClock(Duration.between(Platform.clockNow(), due).minusSeconds(2));
        Thread.sleep(1000);
        assertThat(progress(contactId, sequenceId).getList("data.history")).isEmpty();
        assertThat(progress(contactId, sequenceId).getString("data.waiting_for")).isEqualTo("delay");

        JsonPath ran = awaitSteps(contactId, sequenceId, 1);
        LocalDateTime ranAt = LocalDateTime.parse(ran.getString("data.history[0].at"), API_TIME);
        assertThat(Duration.between(due, ranAt)).isBetween(Duration.ZERO, Duration.ofSeconds(1));
        assertThat(ran.getString("data.state")).isEqualTo("finished");
    }

    @Test
    void anSmsStageSendsItsTextToTheContactsPhoneThroughTheProvider() {
        long sequenceId = Fixtures.sequence(account, "Texts");
        long stageId = stage(sequenceId, "send_sms", 0, 3600);
        Platform.as(account).contentType(ContentType.JSON)
                .body("{\"stage_id\": " + stageId + ", \"text\": \"Hi {{first_name|there}}!\"}")
                .when().put("/v1/sequence-stage-sms")
                .then().statusCode(200);
        activate(stageId);
        String phone = "+1415555" + String.format("%04d", (int) (Math.random() * 10_000));

        long contactId = enroll(sequenceId, "\"source\": \"phone_number\", \"phone_number\": \"" + phone + "\"");

        awaitSteps(contactId, sequenceId, 1);
        List<SmsSink.Request> sent = new SmsSink(Platform.get().smsBaseUrl()).requests().stream()
                .filter(request -> phone.equals(request.to())).toList();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).body()).isEqualTo("Hi there!");
        assertThat(sent.get(0).idempotencyToken()).isEqualTo("enrollment-"
                + progress(contactId, sequenceId).getLong("data.enrollment_id") + "-stage-" + stageId);
    }

    @Test
    void aPausedEnrollmentRunsNothingUntilItIsResumedThroughTheApi() throws Exception {
        long sequenceId = Fixtures.sequence(account, "Paused");
        activate(stage(sequenceId, "action", 1, 3600));
        long contactId = enroll(sequenceId, "\"source\": \"zoho\", \"id\": \"" + UUID.randomUUID() + "\"");

        Platform.as(account).contentType(ContentType.JSON)
                .body("{\"contact_id\": " + contactId + ", \"sequence_id\": " + sequenceId + ", \"paused\": true}")
                .when().put("/v1/contact-sequence")
                .then().statusCode(200).body("data.state", equalTo("paused"))
                .body("data.waiting_for", equalTo("paused"));
        Platform.advanceClock(Duration.ofHours(2));
        Thread.sleep(1500);
        assertThat(progress(contactId, sequenceId).getList("data.history")).isEmpty();

        Platform.as(account).contentType(ContentType.JSON)
                .body("{\"contact_id\": " + contactId + ", \"sequence_id\": " + sequenceId + ", \"paused\": false}")
                .when().put("/v1/contact-sequence")
                .then().statusCode(200);
        assertThat(awaitSteps(contactId, sequenceId, 1).getString("data.state")).isEqualTo("finished");
    }

    @Test
    void badInputToTheProgressEndpointsIsRefusedInTheRestDialectAndChangesNothing() {
        long sequenceId = Fixtures.sequence(account, "Guarded");
        activate(stage(sequenceId, "action", 1, 86400));
        long contactId = enroll(sequenceId, "\"source\": \"guesty\", \"id\": \"" + UUID.randomUUID() + "\"");
        String before = progress(contactId, sequenceId).prettify();

        Platform.as(account).queryParam("sequence_id", sequenceId).when().get("/v1/contact-sequence")
                .then().statusCode(422).body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details", hasKey("contact_id"));
        Platform.as(account).contentType(ContentType.JSON)
                .body("{\"contact_id\": " + contactId + ", \"sequence_id\": " + sequenceId + ", \"paused\": \"maybe\"}")
                .when().put("/v1/contact-sequence")
                .then().statusCode(422).body("error.details", hasKey("paused"));
        Platform.as(account).contentType(ContentType.JSON)
                .body("{\"contact_id\": " + contactId + ", \"sequence_id\": " + sequenceId + "}")
                .when().put("/v1/contact-sequence")
                .then().statusCode(422).body("error.details", hasKey("paused"));
        Platform.as(account).contentType(ContentType.JSON)
                .body("{\"contact_id\": " + contactId + ", \"sequence_id\": " + (sequenceId + 100_000)
                        + ", \"paused\": true}")
                .when().put("/v1/contact-sequence")
                .then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));

        Platform.Account stranger = Platform.newAccount("Stranger");
        String strangers = Platform.as(stranger).queryParam("contact_id", contactId)
                .queryParam("sequence_id", sequenceId).when().get("/v1/contact-sequence")
                .then().statusCode(404).extract().asString();
        String missing = Platform.as(stranger).queryParam("contact_id", 999_999_999_999L)
                .queryParam("sequence_id", sequenceId).when().get("/v1/contact-sequence")
                .then().statusCode(404).extract().asString();
        assertThat(strangers).isEqualTo(missing);
        Platform.as(stranger).contentType(ContentType.JSON)
                .body("{\"contact_id\": " + contactId + ", \"sequence_id\": " + sequenceId + ", \"paused\": true}")
                .when().put("/v1/contact-sequence")
                .then().statusCode(404);

        assertThat(progress(contactId, sequenceId).prettify()).isEqualTo(before);
    }
}
