package me.wolfeo.sequences.gateway.stage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import me.wolfeo.sequences.gateway.TestAccounts;

/**
 * Bad input to the stage and sequence updates is refused by the gateway, in the REST dialect, before any command.
 * (No service runs behind this module's gateway: a request that passes validation times out, 504.)
 */
@QuarkusTest
class StageRequestValidationTest {

    private static final String STAGE = "/v1/sequence-stage";
    private static final String SMS = "/v1/sequence-stage-sms";
    private static final String SEQUENCE = "/v1/sequence";

    private TestAccounts.Created account;

    @BeforeEach
    void createAccount() {
        account = TestAccounts.create("Stage validation");
    }

    private RequestSpecification authorized() {
        return given().header("Authorization", account.bearer()).contentType(ContentType.JSON);
    }

    private void assertInvalid(String path, String body, String field) {
        authorized().body(body).when().put(path)
                .then().statusCode(422)
                .body("success", equalTo(false))
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details", hasKey(field));
    }

    @Test
    void everyUpdateNeedsTheIntegerIdOfWhatItChanges() {
        assertInvalid(STAGE, "{\"name\": \"x\"}", "stage_id");
        assertInvalid(STAGE, "{\"stage_id\": \"fifty-five\", \"active\": true}", "stage_id");
        assertInvalid(STAGE, "{\"stage_id\": 1.5}", "stage_id");
        assertInvalid(SMS, "{\"text\": \"Hi\"}", "stage_id");
        assertInvalid(SMS, "{\"stage_id\": true, \"text\": \"Hi\"}", "stage_id");
        assertInvalid(SEQUENCE, "{\"paused\": true}", "sequence_id");
        assertInvalid(SEQUENCE, "{\"sequence_id\": [12], \"paused\": true}", "sequence_id");
    }

    @Test
    void aStageUpdateRefusesSettingsOfTheWrongType() {
        assertInvalid(STAGE, "{\"stage_id\": 1, \"name\": 42}", "name");
        assertInvalid(STAGE, "{\"stage_id\": 1, \"time_value\": \"soon\"}", "time_value");
        assertInvalid(STAGE, "{\"stage_id\": 1, \"time_value\": 2.5}", "time_value");
        assertInvalid(STAGE, "{\"stage_id\": 1, \"active\": \"maybe\"}", "active");
        assertInvalid(STAGE, "{\"stage_id\": 1, \"active\": 2}", "active");
    }

    @Test
    void aStageDelayIsZeroToAThousandHoursDaysOrWeeks() {
        assertInvalid(STAGE, "{\"stage_id\": 1, \"time_value\": -1}", "time_value");
        assertInvalid(STAGE, "{\"stage_id\": 1, \"time_value\": 1001}", "time_value");
        assertInvalid(STAGE, "{\"stage_id\": 1, \"time_type\": 60}", "time_type");
        assertInvalid(STAGE, "{\"stage_id\": 1, \"time_type\": \"hours\"}", "time_type");
        authorized().body("{\"stage_id\": 1, \"time_type\": 60}").when().put(STAGE)
                .then().statusCode(422)
                .body("error.details.time_type[0]", equalTo("The selected time type is invalid."));
    }

    @Test
    void aGivenNameMustBeAShortStorableStringNotABlankOne() {
        assertInvalid(STAGE, "{\"stage_id\": 1, \"name\": \"\"}", "name");
        assertInvalid(STAGE, "{\"stage_id\": 1, \"name\": \"   \"}", "name");
        assertInvalid(STAGE, "{\"stage_id\": 1, \"name\": \"" + "n".repeat(256) + "\"}", "name");
        assertInvalid(STAGE, "{\"stage_id\": 1, \"name\": \"Day\\u00001\"}", "name");
        assertInvalid(SEQUENCE, "{\"sequence_id\": 1, \"name\": \"\"}", "name");
        assertInvalid(SEQUENCE, "{\"sequence_id\": 1, \"name\": 7}", "name");
        assertInvalid(SEQUENCE, "{\"sequence_id\": 1, \"name\": \"" + "n".repeat(256) + "\"}", "name");
        assertInvalid(SEQUENCE, "{\"sequence_id\": 1, \"name\": \"\\u001b[31mred\"}", "name");
    }

    @Test
    void pausedIsTrueOrFalse() {
        assertInvalid(SEQUENCE, "{\"sequence_id\": 1, \"paused\": \"sometimes\"}", "paused");
        assertInvalid(SEQUENCE, "{\"sequence_id\": 1, \"paused\": {}}", "paused");
    }

    @Test
    void smsTextIsRequiredAndAString() {
        assertInvalid(SMS, "{\"stage_id\": 1}", "text");
        assertInvalid(SMS, "{\"stage_id\": 1, \"text\": null}", "text");
        assertInvalid(SMS, "{\"stage_id\": 1, \"text\": \"\"}", "text");
        assertInvalid(SMS, "{\"stage_id\": 1, \"text\": \" \\n \"}", "text");
        assertInvalid(SMS, "{\"stage_id\": 1, \"text\": 42}", "text");
    }

    @Test
    void smsTextIsAtMost1600Characters() {
        authorized().body("{\"stage_id\": 1, \"text\": \"" + "x".repeat(1601) + "\"}").when().put(SMS)
                .then().statusCode(422)
                .body("error.message", equalTo("The text field must not be greater than 1600 characters."))
                .body("error.details.text[0]", equalTo("The text field must not be greater than 1600 characters."));
    }

    @Test
    void smsTextWithControlCharactersOrALoneSurrogateIsRefused() {
        assertInvalid(SMS, "{\"stage_id\": 1, \"text\": \"Hi\\u0000there\"}", "text");
        assertInvalid(SMS, "{\"stage_id\": 1, \"text\": \"Hi\\u0007\"}", "text");
        assertInvalid(SMS, "{\"stage_id\": 1, \"text\": \"Hi \\ud800\"}", "text");
    }

    @Test
    void smsTextOfLineBreaksTabsAnd1600EmojiPassesValidation() {
        String text = "Hi {{first_name|there}},\\n\\t" + "\\ud83d\\ude00".repeat(1600 - 26);

        authorized().body("{\"stage_id\": 1, \"text\": \"" + text + "\"}").when().put(SMS)
                .then().statusCode(504).body("error.code", equalTo("GATEWAY_TIMEOUT"));
    }

    @Test
    void everyProblemOfAStageUpdateIsReportedAtOnce() {
        authorized().body("{\"time_value\": 5000, \"time_type\": 1, \"active\": \"yes\"}").when().put(STAGE)
                .then().statusCode(422)
                .body("error.message", equalTo("The stage id field is required. (and 3 more errors)"))
                .body("error.details", hasKey("stage_id"))
                .body("error.details", hasKey("time_value"))
                .body("error.details", hasKey("time_type"))
                .body("error.details", hasKey("active"));
    }
}
