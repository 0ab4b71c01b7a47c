package me.wolfeo.sequences.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

/**
 * "Get A Sequence's Contacts" answers as published, and with {@code include=progress} also where each contact stands
 * and how the enrollment webhooks name it, in one call (what the dashboard's contacts page shows).
 */
class SequenceContactsProgressTest {

    private Platform.Account account;
    private long sequenceId;

    @BeforeEach
    void aSequenceWhoseFirstStepIsActive() {
        account = Platform.newAccount("Listing");
        sequenceId = Fixtures.sequence(account, "Listed");
        long stageId = Fixtures.stage(account, sequenceId, "send_email");
        Fixtures.content(account, stageId, "<p>Hi</p>");
        Platform.as(account).contentType(ContentType.JSON).body("{\"stage_id\": " + stageId + ", \"active\": true}")
                .when().put("/v1/sequence-stage").then().statusCode(200);
    }

    @Test
    void theProgressOfEachContactComesWithItsSourceAndIdOnlyWhenAskedFor() {
        assertThat(Fixtures.enrollHubspot(account, sequenceId, "crm-311", false)).isEqualTo(200);
        Platform.anonymous().contentType(ContentType.JSON)
                .body("{\"api_token\": \"" + account.token() + "\", \"sequence_id\": " + sequenceId
                        + ", \"source\": \"phone_number\", \"phone_number\": \"(415) 555-0100\"}")
                .when().post("/api/v1/webhook/sequence-enroll").then().statusCode(200);

        Platform.as(account).queryParam("sequence_id", sequenceId).when().get("/v1/sequences-contacts")
                .then().statusCode(200).body("meta.total", equalTo(2))
                .body("data[0]", not(hasKey("progress"))).body("data[1]", not(hasKey("progress")));

        List<Map<String, Object>> progress = Platform.as(account).queryParam("sequence_id", sequenceId)
                .queryParam("include", "progress").when().get("/v1/sequences-contacts")
                .then().statusCode(200).body("meta.total", equalTo(2))
                .body("data[0].progress.next_due_at", notNullValue())
                .extract().path("data.progress");
        assertThat(progress).allSatisfy(standing -> {
            assertThat(standing).containsEntry("state", "active").containsEntry("step", 1)
                    .containsEntry("waiting_for", "delay");
            assertThat(standing.get("enrollment_id")).isNotNull();
        });
        assertThat(progress.get(0)).containsEntry("source", "hubspot").containsEntry("id", "crm-311")
                .containsEntry("phone_number", null);
        assertThat(progress.get(1)).containsEntry("source", "phone_number").containsEntry("id", null)
                .containsEntry("phone_number", "+14155550100");
    }

    @Test
    void anUnknownIncludeIsRefused() {
        Platform.as(account).queryParam("sequence_id", sequenceId).queryParam("include", "history")
                .when().get("/v1/sequences-contacts")
                .then().statusCode(422).body("error.details.include[0]", equalTo("The selected include is invalid."));
    }
}
