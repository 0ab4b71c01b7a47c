package me.wolfeo.sequences.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * A sequence's schedule holds a due step until its window opens in the contact's time zone: the progress read says
 * it waits for the window and when it runs, and the step runs then, not before.
 */
class SendingScheduleSystemTest {

    private static final DateTimeFormatter API_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Platform.Account account = Platform.newAccount("Scheduled");

    private JsonPath progress(long contactId, long sequenceId) {
        return Platform.as(account).queryParam("contact_id", contactId).queryParam("sequence_id", sequenceId)
                .when().get("/v1/contact-sequence")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aStepDueOutsideTheWindowWaitsForItsOpeningInTheContactsZoneAndRunsThen() throws Exception {
        long sequenceId = Fixtures.sequence(account, "Office hours");
        long stageId = ((Number) Platform.as(account).contentType(ContentType.JSON)
                .body("{\"sequence_id\": " + sequenceId + ", \"stage_type\": \"action\", \"time_value\": 0}")
                .when().post("/v1/sequence-stage")
                .then().statusCode(201).extract().path("data.id")).longValue();
        Platform.as(account).contentType(ContentType.JSON).body("{\"stage_id\": " + stageId + ", \"active\": true}")
                .when().put("/v1/sequence-stage").then().statusCode(200);
        // A one-hour window two hours from now on the contact's clock (Tokyo: no daylight saving to think about).
        LocalDateTime tokyoNow = Platform.clockNow().plusHours(9);
        int open = (tokyoNow.getHour() + 2) % 24 == 23 ? 0 : (tokyoNow.getHour() + 2) % 24;
        String window = "{\"open\": \"%02d:00\", \"close\": \"%02d:00\"}".formatted(open, open + 1);
        Platform.as(account).contentType(ContentType.JSON)
                .body("{\"sequence_id\": " + sequenceId + ", \"schedule\": {\"window\": " + window
                        + ", \"timezone\": \"UTC\"}}")
                .when().put("/v1/sequence")
                .then().statusCode(200).body("data.schedule.window.open", equalTo("%02d:00".formatted(open)));

        Platform.anonymous().contentType(ContentType.JSON)
                .body("{\"api_token\": \"" + account.token() + "\", \"sequence_id\": " + sequenceId
                        + ", \"source\": \"hubspot\", \"id\": \"" + UUID.randomUUID()
                        + "\", \"timezone\": \"Asia/Tokyo\"}")
                .when().post("/api/v1/webhook/sequence-enroll").then().statusCode(200);
        long contactId = ((Number) Platform.as(account).queryParam("sequence_id", sequenceId)
                .when().get("/v1/sequences-contacts").then().statusCode(200).extract().path("data[0].id"))
                .longValue();

        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> "window".equals(progress(contactId, sequenceId).getString("data.waiting_for")));
        JsonPath held = progress(contactId, sequenceId);
        LocalDateTime runsAt = LocalDateTime.parse(held.getString("data.next_due_at"), API_TIME);
        assertThat(runsAt.plusHours(9).getHour()).as("the window's opening, Tokyo time").isEqualTo(open);
        assertThat(runsAt.plusHours(9).getMinute()).isZero();
        assertThat(held.getList("data.history")).isEmpty();

        Platform.advanceClock(Duration.between(Platform.clockNow(), runsAt).plusSeconds(1));
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> progress(contactId, sequenceId).getList("data.history").size() == 1);
        JsonPath ran = progress(contactId, sequenceId);
        assertThat(ran.getString("data.history[0].outcome")).isEqualTo("done");
        assertThat(LocalDateTime.parse(ran.getString("data.history[0].at"), API_TIME)).isAfterOrEqualTo(runsAt);
    }
}
