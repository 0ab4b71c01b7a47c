package me.wolfeo.sequences.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * Contact activity through the public API stops the sequence: a reply ends the enrollment with reason
 * {@code replied}; an unsubscribe keeps the contact out of every sequence, in the webhook dialect too, until
 * {@code PUT /v1/contact} lifts it. Another account's contact is answered like a missing one.
 */
class ContactActivitySystemTest {

    private Platform.Account account;

    @BeforeEach
    void newAccount() {
        account = Platform.newAccount("Activity");
    }

    private long sequenceWaitingADay(String name) {
        long sequenceId = Fixtures.sequence(account, name);
        long stageId = ((Number) Platform.as(account).contentType(ContentType.JSON)
                .body("{\"sequence_id\": " + sequenceId + ", \"stage_type\": \"action\", \"time_value\": 1}")
                .when().post("/v1/sequence-stage")
                .then().statusCode(201).extract().path("data.id")).longValue();
        Platform.as(account).contentType(ContentType.JSON).body("{\"stage_id\": " + stageId + ", \"active\": true}")
                .when().put("/v1/sequence-stage").then().statusCode(200);
        return sequenceId;
    }

    private ValidatableResponse enroll(long sequenceId, String crmId) {
        return Platform.anonymous().contentType(ContentType.JSON)
                .body("{\"api_token\": \"" + account.token() + "\", \"sequence_id\": " + sequenceId
                        + ", \"source\": \"hubspot\", \"id\": \"" + crmId + "\"}")
                .when().post("/api/v1/webhook/sequence-enroll").then();
    }

    private long contactIn(long sequenceId) {
        return ((Number) Platform.as(account).queryParam("sequence_id", sequenceId)
                .when().get("/v1/sequences-contacts")
                .then().statusCode(200).extract().path("data[-1].id")).longValue();
    }

    private JsonPath progress(long contactId, long sequenceId) {
        return Platform.as(account).queryParam("contact_id", contactId).queryParam("sequence_id", sequenceId)
                .when().get("/v1/contact-sequence")
                .then().statusCode(200).extract().jsonPath();
    }

    private ValidatableResponse activity(Platform.Account as, String body) {
        return Platform.as(as).contentType(ContentType.JSON).body(body).when().post("/v1/contact-activity").then();
    }

    @Test
    void aReplyThroughTheApiEndsTheEnrollmentWithReasonReplied() {
        long sequenceId = sequenceWaitingADay("Outreach");
        String crmId = UUID.randomUUID().toString();
        enroll(sequenceId, crmId).statusCode(200);
        long contactId = contactIn(sequenceId);

        activity(account, "{\"source\": \"hubspot\", \"id\": \"" + crmId + "\", \"type\": \"replied\", "
                + "\"occurred_at\": \"2026-11-23T12:00:00Z\"}")
                .statusCode(200)
                .body("success", equalTo(true))
                .body("data.contact_id", equalTo((int) contactId))
                .body("data.type", equalTo("replied"))
                .body("data.occurred_at", equalTo("2026-11-23 12:00:00"))
                .body("data.ended_enrollment", equalTo(true));

        JsonPath ended = progress(contactId, sequenceId);
        assertThat(ended.getString("data.state")).isEqualTo("disenrolled");
        assertThat(ended.getString("data.end_reason")).isEqualTo("replied");
        assertThat(ended.getList("data.history")).isEmpty();
    }

    @Test
    void anUnsubscribedContactIsRefusedByTheEnrollWebhookUntilTheOptOutIsLifted() {
        long sequenceId = sequenceWaitingADay("Newsletter");
        String crmId = UUID.randomUUID().toString();
        enroll(sequenceId, crmId).statusCode(200);
        long contactId = contactIn(sequenceId);

        activity(account, "{\"contact_id\": " + contactId + ", \"type\": \"unsubscribed\"}")
                .statusCode(200).body("data.ended_enrollment", equalTo(true));
        assertThat(progress(contactId, sequenceId).getString("data.end_reason")).isEqualTo("opted_out");

        enroll(sequenceId, crmId).statusCode(422)
                .body("message", equalTo("The contact has opted out; lift the opt-out to enroll it again."));

        Platform.as(account).contentType(ContentType.JSON)
                .body("{\"contact_id\": " + contactId + ", \"opted_out\": false, \"timezone\": \"Europe/Dublin\"}")
                .when().put("/v1/contact")
                .then().statusCode(200)
                .body("data.opted_out", equalTo(false))
                .body("data.timezone", equalTo("Europe/Dublin"));
        enroll(sequenceId, crmId).statusCode(200);
        assertThat(progress(contactId, sequenceId).getString("data.state")).isEqualTo("active");
    }

    @Test
    void anUnknownContactOrAnotherAccountsIsNotFoundAndNothingChanges() {
        long sequenceId = sequenceWaitingADay("Mine");
        enroll(sequenceId, "mine").statusCode(200);
        long contactId = contactIn(sequenceId);
        Platform.Account other = Platform.newAccount("Other");

        activity(account, "{\"source\": \"hubspot\", \"id\": \"nobody\", \"type\": \"replied\"}")
                .statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        activity(other, "{\"contact_id\": " + contactId + ", \"type\": \"unsubscribed\"}")
                .statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        Platform.as(other).contentType(ContentType.JSON)
                .body("{\"contact_id\": " + contactId + ", \"opted_out\": true}")
                .when().put("/v1/contact")
                .then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));

        JsonPath untouched = progress(contactId, sequenceId);
        assertThat(untouched.getString("data.state")).isEqualTo("active");
        assertThat(untouched.getString("data.end_reason")).isNull();
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheFirstAnswer() {
        long sequenceId = sequenceWaitingADay("Retried");
        enroll(sequenceId, "retried").statusCode(200);
        long contactId = contactIn(sequenceId);
        String body = "{\"contact_id\": " + contactId + ", \"type\": \"meeting_booked\"}";
        String key = UUID.randomUUID().toString();

        String first = Platform.as(account).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/v1/contact-activity").then().statusCode(200)
                .body("data.ended_enrollment", equalTo(true)).extract().asString();
        String again = Platform.as(account).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/v1/contact-activity").then().statusCode(200).extract().asString();

        assertThat(again).isEqualTo(first);
        assertThat(progress(contactId, sequenceId).getString("data.end_reason")).isEqualTo("meeting_booked");
    }
}
