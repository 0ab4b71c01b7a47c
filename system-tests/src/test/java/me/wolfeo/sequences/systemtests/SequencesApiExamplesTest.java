package me.wolfeo.sequences.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.matchesPattern;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

/**
 * Every example of sequences-api.txt, sent as the document writes it (with a token this platform issued, and the
 * ids of data that exists), answered with the documented status and body.
 */
class SequencesApiExamplesTest {

    private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}";

    private Platform.Account account;

    @BeforeEach
    void newAccount() {
        account = Platform.newAccount("Examples");
    }

    @Test
    void createSequence() {
        Platform.as(account).header("Content-Type", "application/json")
                .body("{\"name\": \"Welcome Series\", \"type\": \"normal\"}")
                .when().post("/v1/sequence")
                .then().statusCode(201)
                .body("success", equalTo(true))
                .body("data.id", instanceOf(Integer.class))
                .body("data.name", equalTo("Welcome Series"))
                .body("data.type", equalTo("normal"))
                .body("data.size()", equalTo(3));
    }

    @Test
    void createSequenceStage() {
        long sequenceId = Fixtures.sequence(account, "Welcome Series");

        Platform.as(account).header("Content-Type", "application/json")
                .body("{\"sequence_id\": " + sequenceId
                        + ", \"name\": \"Day 1 Email\", \"stage_type\": \"send_email\", \"time_value\": 1, \"time_type\": 86400}")
                .when().post("/v1/sequence-stage")
                .then().statusCode(201)
                .body("success", equalTo(true))
                .body("data.sequence_id", equalTo((int) sequenceId))
                .body("data.step", equalTo(1))
                .body("data.name", equalTo("Day 1 Email"))
                .body("data.stage_type", equalTo("send_email"))
                .body("data.time_value", equalTo(1))
                .body("data.time_type", equalTo(86400))
                .body("data.size()", equalTo(7));
    }

    @Test
    void createSequenceStageOfAnUnknownSequenceIsNotFound() {
        Platform.as(account).contentType(ContentType.JSON)
                .body("{\"sequence_id\": 987654321, \"name\": \"Day 1 Email\", \"stage_type\": \"send_email\"}")
                .when().post("/v1/sequence-stage")
                .then().statusCode(404)
                .body("success", equalTo(false))
                .body("error.code", equalTo("NOT_FOUND"))
                .body("error.message", equalTo("Sequence not found."));
    }

    @Test
    void updateSequenceStageContentAndReadTheHtmlBackFromItsPath() throws Exception {
        long stageId = Fixtures.stage(account, Fixtures.sequence(account, "Welcome Series"), "send_email");

        String path = Platform.as(account).header("Content-Type", "application/json")
                .body("{\"stage_id\": " + stageId
                        + ", \"html\": \"<p>Hello {{first_name}}</p>\", \"subject\": \"Welcome!\"}")
                .when().put("/v1/sequence-stage-content")
                .then().statusCode(200)
                .body("success", equalTo(true))
                .body("data.id", equalTo((int) stageId))
                .body("data.email_id", instanceOf(Integer.class))
                .body("data.path_to_email", matchesPattern(".*/emails/files/file_\\d+\\.html"))
                .extract().path("data.path_to_email");

        HttpResponse<String> html = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.body()).isEqualTo("<p>Hello {{first_name}}</p>");
    }

    @Test
    void updateContentOfAnSmsStageIsStageNotEmail() {
        long stageId = Fixtures.stage(account, Fixtures.sequence(account, "SMS"), "send_sms");

        Platform.as(account).contentType(ContentType.JSON)
                .body("{\"stage_id\": " + stageId + ", \"html\": \"<p>x</p>\"}")
                .when().put("/v1/sequence-stage-content")
                .then().statusCode(422)
                .body("error.code", equalTo("STAGE_NOT_EMAIL"));
    }

    @Test
    void retrieveAllSequences() {
        long first = Fixtures.sequence(account, "First Sequence");
        long second = Fixtures.sequence(account, "Second Sequence");

        Platform.as(account)
                .when().get("/v1/sequences")
                .then().statusCode(200)
                .body("success", equalTo(true))
                .body("data.id", contains((int) first, (int) second))
                .body("data.name", contains("First Sequence", "Second Sequence"))
                .body("data[0].created_at", matchesPattern(TIMESTAMP))
                .body("data[0].size()", equalTo(3))
                .body("meta.current_page", equalTo(1))
                .body("meta.last_page", equalTo(1))
                .body("meta.per_page", equalTo(50))
                .body("meta.total", equalTo(2));
    }

    @Test
    void retrieveAllSequencesPageByPage() {
        for (int i = 1; i <= 5; i++) {
            Fixtures.sequence(account, "Sequence " + i);
        }

        Platform.as(account).queryParam("page", 3).queryParam("per_page", 2)
                .when().get("/v1/sequences")
                .then().statusCode(200)
                .body("data.name", contains("Sequence 5"))
                .body("meta.current_page", equalTo(3))
                .body("meta.last_page", equalTo(3))
                .body("meta.per_page", equalTo(2))
                .body("meta.total", equalTo(5));
    }

    @Test
    void getAnIndividualSequenceWithItsStages() {
        long sequenceId = Fixtures.sequence(account, "First Sequence");
        Platform.as(account).when().get("/v1/sequence?sequence_id=" + sequenceId)
                .then().statusCode(200).body("data.stages", empty());
        long stageId = Fixtures.stage(account, sequenceId, "send_email");

        Platform.as(account)
                .when().get("/v1/sequence?sequence_id=" + sequenceId)
                .then().statusCode(200)
                .body("success", equalTo(true))
                .body("data.id", equalTo((int) sequenceId))
                .body("data.name", equalTo("First Sequence"))
                .body("data.created_at", matchesPattern(TIMESTAMP))
                .body("data.stages", hasSize(1))
                .body("data.stages[0].id", equalTo((int) stageId))
                .body("data.stages[0].step", equalTo(1))
                .body("data.stages[0].name", equalTo("Step 1"))
                .body("data.stages[0].stage_type", equalTo("send_email"))
                .body("data.stages[0].time_value", equalTo(1))
                .body("data.stages[0].time_type", equalTo(86400))
                .body("data.stages[0].active", equalTo(false))
                .body("data.stages[0].created_at", matchesPattern(TIMESTAMP));
    }

    @Test
    void deleteSequence() {
        long sequenceId = Fixtures.sequence(account, "Doomed");

        Platform.as(account).header("Content-Type", "application/json")
                .body("{\"sequence_id\": " + sequenceId + "}")
                .when().delete("/v1/sequence")
                .then().statusCode(200)
                .body("success", equalTo(true))
                .body("data.deleted", equalTo(true));
        Platform.as(account).when().get("/v1/sequence?sequence_id=" + sequenceId)
                .then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        Platform.as(account).contentType(ContentType.JSON).body("{\"sequence_id\": " + sequenceId + "}")
                .when().delete("/v1/sequence")
                .then().statusCode(404).body("error.message", equalTo("Sequence not found."));
    }

    @Test
    void deleteSequenceStage() {
        long sequenceId = Fixtures.sequence(account, "Three steps");
        long first = Fixtures.stage(account, sequenceId, "send_email");
        long middle = Fixtures.stage(account, sequenceId, "send_sms");
        long last = Fixtures.stage(account, sequenceId, "action");

        Platform.as(account).header("Content-Type", "application/json")
                .body("{\"stage_id\": " + middle + "}")
                .when().delete("/v1/sequence-stage")
                .then().statusCode(200)
                .body("success", equalTo(true))
                .body("data.deleted", equalTo(true));

        Platform.as(account).when().get("/v1/sequence?sequence_id=" + sequenceId)
                .then().statusCode(200)
                .body("data.stages.id", contains((int) first, (int) last))
                .body("data.stages.step", contains(1, 2));
        Platform.as(account).contentType(ContentType.JSON).body("{\"stage_id\": " + middle + "}")
                .when().delete("/v1/sequence-stage")
                .then().statusCode(404).body("error.message", equalTo("Stage not found."));
    }
}
