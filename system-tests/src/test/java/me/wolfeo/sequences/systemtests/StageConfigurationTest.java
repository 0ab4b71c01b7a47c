package me.wolfeo.sequences.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Stages are configured and activated, sequences renamed, paused and resumed, through the REST API, across
 * gateway, sequence-service and content-service: activation needs what a stage sends (its email content, which
 * content-service holds, or its SMS text), a refusal changes nothing, and another account's ids answer like
 * missing ones.
 */
class StageConfigurationTest {

    private Platform.Account account;

    @BeforeEach
    void newAccount() {
        account = Platform.newAccount("Configuring");
    }

    private ValidatableResponse put(Platform.Account as, String path, String body) {
        return Platform.as(as).contentType(ContentType.JSON).body(body).when().put(path).then();
    }

    private ValidatableResponse put(String path, String body) {
        return put(account, path, body);
    }

    private ValidatableResponse sequence(long sequenceId) {
        return Platform.as(account).when().get("/v1/sequence?sequence_id=" + sequenceId).then().statusCode(200);
    }

    @Test
    void anEmailStageIsActivatedOnlyOnceItHasContent() {
        long sequenceId = Fixtures.sequence(account, "Welcome Series");
        long stageId = Fixtures.stage(account, sequenceId, "send_email");

        put("/v1/sequence-stage", "{\"stage_id\": " + stageId + ", \"active\": true}")
                .statusCode(422)
                .body("success", equalTo(false))
                .body("error.code", equalTo("STAGE_NOT_READY"))
                .body("error.message", equalTo("The stage cannot be activated before it has email content."));
        sequence(sequenceId).body("data.stages[0].active", equalTo(false));

        Fixtures.content(account, stageId, "<p>Hello {{first_name}}</p>");
        put("/v1/sequence-stage", "{\"stage_id\": " + stageId + ", \"active\": true}")
                .statusCode(200)
                .body("success", equalTo(true))
                .body("data.id", equalTo((int) stageId))
                .body("data.sequence_id", equalTo((int) sequenceId))
                .body("data.step", equalTo(1))
                .body("data.name", equalTo("Step 1"))
                .body("data.stage_type", equalTo("send_email"))
                .body("data.time_value", equalTo(1))
                .body("data.time_type", equalTo(86400))
                .body("data.active", equalTo(true))
                .body("data.size()", equalTo(8));

        sequence(sequenceId)
                .body("data.stages[0].active", equalTo(true))
                .body("data.stages[0]", not(hasKey("text")));
    }

    @Test
    void anSmsStageIsActivatedOnceItHasText() {
        long sequenceId = Fixtures.sequence(account, "Reminders");
        long stageId = Fixtures.stage(account, sequenceId, "send_sms");
        sequence(sequenceId).body("data.stages[0]", hasKey("text")).body("data.stages[0].text", nullValue());

        put("/v1/sequence-stage", "{\"stage_id\": " + stageId + ", \"active\": true}")
                .statusCode(422)
                .body("error.code", equalTo("STAGE_NOT_READY"))
                .body("error.message", equalTo("The stage cannot be activated before it has SMS text."));

        String text = "Hi {{first_name|there}},\\nyour call is tomorrow.";
        put("/v1/sequence-stage-sms", "{\"stage_id\": " + stageId + ", \"text\": \"" + text + "\"}")
                .statusCode(200)
                .body("success", equalTo(true))
                .body("data.id", equalTo((int) stageId))
                .body("data.stage_type", equalTo("send_sms"))
                .body("data.active", equalTo(false))
                .body("data.text", equalTo("Hi {{first_name|there}},\nyour call is tomorrow."))
                .body("data.size()", equalTo(9));
        put("/v1/sequence-stage", "{\"stage_id\": " + stageId + ", \"active\": true}")
                .statusCode(200).body("data.active", equalTo(true));

        sequence(sequenceId)
                .body("data.stages[0].active", equalTo(true))
                .body("data.stages[0].text", equalTo("Hi {{first_name|there}},\nyour call is tomorrow."));
    }

    @Test
    void smsTextIsOnlyForSmsStages() {
        long stageId = Fixtures.stage(account, Fixtures.sequence(account, "Email only"), "send_email");

        put("/v1/sequence-stage-sms", "{\"stage_id\": " + stageId + ", \"text\": \"Hi\"}")
                .statusCode(422)
                .body("error.code", equalTo("STAGE_NOT_SMS"))
                .body("error.message", equalTo("Stage is not a send_sms stage."));
    }

    @Test
    void anActionStageIsActivatedAndDeactivatedFreely() {
        long sequenceId = Fixtures.sequence(account, "Actions");
        long stageId = Fixtures.stage(account, sequenceId, "action");

        put("/v1/sequence-stage", "{\"stage_id\": " + stageId + ", \"active\": \"true\"}")
                .statusCode(200).body("data.active", equalTo(true));
        put("/v1/sequence-stage", "{\"stage_id\": " + stageId + ", \"active\": false}")
                .statusCode(200).body("data.active", equalTo(false));
        sequence(sequenceId).body("data.stages[0].active", equalTo(false));
    }

    @Test
    void aStageIsRenamedAndItsDelayChanged() {
        long sequenceId = Fixtures.sequence(account, "Timing");
        long stageId = Fixtures.stage(account, sequenceId, "send_email");

        put("/v1/sequence-stage", "{\"stage_id\": \"" + stageId
                + "\", \"name\": \"  Day 3 Email  \", \"time_value\": \"3\", \"time_type\": 604800}")
                .statusCode(200)
                .body("data.name", equalTo("Day 3 Email"))
                .body("data.time_value", equalTo(3))
                .body("data.time_type", equalTo(604800))
                .body("data.active", equalTo(false));
        put("/v1/sequence-stage", "{\"stage_id\": " + stageId + "}")
                .statusCode(200)
                .body("data.name", equalTo("Day 3 Email"))
                .body("data.time_value", equalTo(3));

        sequence(sequenceId)
                .body("data.stages[0].name", equalTo("Day 3 Email"))
                .body("data.stages[0].time_value", equalTo(3))
                .body("data.stages[0].time_type", equalTo(604800))
                .body("data.stages[0].step", equalTo(1));
    }

    @Test
    void aSequenceIsRenamedPausedAndResumed() {
        long sequenceId = Fixtures.sequence(account, "Welcome Series");
        sequence(sequenceId).body("data.paused", equalTo(false));

        put("/v1/sequence", "{\"sequence_id\": " + sequenceId + ", \"paused\": true}")
                .statusCode(200)
                .body("success", equalTo(true))
                .body("data.id", equalTo((int) sequenceId))
                .body("data.name", equalTo("Welcome Series"))
                .body("data.type", equalTo("normal"))
                .body("data.paused", equalTo(true))
                .body("data.schedule.days", equalTo("every_day"))
                .body("data.stop_on_reply", equalTo(true))
                .body("data.stop_on_meeting", equalTo(true))
                .body("data.size()", equalTo(7));
        sequence(sequenceId).body("data.paused", equalTo(true));

        put("/v1/sequence", "{\"sequence_id\": " + sequenceId + ", \"name\": \"Onboarding\", \"paused\": false}")
                .statusCode(200)
                .body("data.name", equalTo("Onboarding"))
                .body("data.paused", equalTo(false));
        sequence(sequenceId).body("data.paused", equalTo(false)).body("data.name", equalTo("Onboarding"));
        Platform.as(account).when().get("/v1/sequences").then().statusCode(200)
                .body("data.name", contains("Onboarding"));
    }

    @Test
    void anotherAccountsIdsAnswerLikeMissingOnes() {
        long sequenceId = Fixtures.sequence(account, "Mine");
        long emailStageId = Fixtures.stage(account, sequenceId, "send_email");
        long smsStageId = Fixtures.stage(account, sequenceId, "send_sms");
        Fixtures.content(account, emailStageId, "<p>Mine</p>");
        Platform.Account stranger = Platform.newAccount("Stranger");
        String before = sequence(sequenceId).extract().asString();

        String unknownStage = put(stranger, "/v1/sequence-stage", "{\"stage_id\": 987654321, \"active\": true}")
                .statusCode(404).body("error.code", equalTo("NOT_FOUND"))
                .body("error.message", equalTo("Stage not found.")).extract().asString();
        assertThat(put(stranger, "/v1/sequence-stage", "{\"stage_id\": " + emailStageId + ", \"active\": true}")
                .statusCode(404).extract().asString()).isEqualTo(unknownStage);
        assertThat(put(stranger, "/v1/sequence-stage", "{\"stage_id\": " + smsStageId + ", \"name\": \"Theirs\"}")
                .statusCode(404).extract().asString()).isEqualTo(unknownStage);
        assertThat(put(stranger, "/v1/sequence-stage-sms", "{\"stage_id\": " + smsStageId + ", \"text\": \"Hi\"}")
                .statusCode(404).extract().asString()).isEqualTo(unknownStage);
        assertThat(put(stranger, "/v1/sequence-stage-sms", "{\"stage_id\": 987654321, \"text\": \"Hi\"}")
                .statusCode(404).extract().asString()).isEqualTo(unknownStage);
        String unknownSequence = put(stranger, "/v1/sequence", "{\"sequence_id\": 987654321, \"paused\": true}")
                .statusCode(404).body("error.message", equalTo("Sequence not found.")).extract().asString();
        assertThat(put(stranger, "/v1/sequence", "{\"sequence_id\": " + sequenceId + ", \"paused\": true}")
                .statusCode(404).extract().asString()).isEqualTo(unknownSequence);

        assertThat(sequence(sequenceId).extract().asString()).isEqualTo(before);
    }

    @Test
    void aRefusedUpdateLeavesTheStoredDataAsItWas() {
        long sequenceId = Fixtures.sequence(account, "Kept");
        long emailStageId = Fixtures.stage(account, sequenceId, "send_email");
        long smsStageId = Fixtures.stage(account, sequenceId, "send_sms");
        put("/v1/sequence-stage-sms", "{\"stage_id\": " + smsStageId + ", \"text\": \"Kept text\"}").statusCode(200);
        String before = sequence(sequenceId).extract().asString();

        put("/v1/sequence-stage", "{\"stage_id\": " + emailStageId + ", \"name\": \"New\", \"time_type\": 60}")
                .statusCode(422).body("error.details", hasKey("time_type"));
        put("/v1/sequence-stage", "{\"stage_id\": " + emailStageId + ", \"name\": \"New\", \"time_value\": 2, "
                + "\"active\": true}")
                .statusCode(422).body("error.code", equalTo("STAGE_NOT_READY"));
        put("/v1/sequence-stage", "{\"stage_id\": " + smsStageId + ", \"name\": \"\"}")
                .statusCode(422).body("error.details", hasKey("name"));
        put("/v1/sequence-stage-sms", "{\"stage_id\": " + smsStageId + ", \"text\": \"" + "x".repeat(1601) + "\"}")
                .statusCode(422).body("error.details", hasKey("text"));
        put("/v1/sequence-stage-sms", "{\"stage_id\": " + smsStageId + ", \"text\": \"nul\\u0000\"}")
                .statusCode(422).body("error.details", hasKey("text"));
        put("/v1/sequence-stage-sms", "{\"stage_id\": " + emailStageId + ", \"text\": \"Hi\"}")
                .statusCode(422).body("error.code", equalTo("STAGE_NOT_SMS"));
        put("/v1/sequence", "{\"sequence_id\": " + sequenceId + ", \"name\": \"   \", \"paused\": true}")
                .statusCode(422).body("error.details", hasKey("name"));
        put("/v1/sequence", "{\"sequence_id\": " + sequenceId + ", \"paused\": \"sometimes\"}")
                .statusCode(422).body("error.details", hasKey("paused"));
        put("/v1/sequence-stage", "{\"stage_id\": " + emailStageId + ", \"active\": true")
                .statusCode(400).body("error.code", equalTo("INVALID_JSON"));

        assertThat(sequence(sequenceId).extract().asString()).isEqualTo(before);
    }

    @Test
    void aRetriedUpdateWithTheSameIdempotencyKeyGetsTheFirstAnswer() {
        long sequenceId = Fixtures.sequence(account, "Retried");
        String body = "{\"sequence_id\": " + sequenceId + ", \"name\": \"Renamed once\"}";
        String first = Platform.as(account).header("Idempotency-Key", "rename-1").contentType(ContentType.JSON)
                .body(body).when().put("/v1/sequence").then().statusCode(200).extract().asString();
        put("/v1/sequence", "{\"sequence_id\": " + sequenceId + ", \"name\": \"Renamed twice\"}").statusCode(200);

        String retry = Platform.as(account).header("Idempotency-Key", "rename-1").contentType(ContentType.JSON)
                .body(body).when().put("/v1/sequence").then().statusCode(200).extract().asString();

        assertThat(retry).isEqualTo(first);
        sequence(sequenceId).body("data.name", equalTo("Renamed twice"));
        Platform.as(account).header("Idempotency-Key", "rename-1").contentType(ContentType.JSON)
                .body("{\"sequence_id\": " + sequenceId + ", \"paused\": true}")
                .when().put("/v1/sequence")
                .then().statusCode(422).body("error.code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        sequence(sequenceId).body("data.paused", equalTo(false));
    }
}
