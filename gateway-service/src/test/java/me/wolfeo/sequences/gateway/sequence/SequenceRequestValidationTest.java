package me.wolfeo.sequences.gateway.sequence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import me.wolfeo.sequences.gateway.TestAccounts;

/** Bad input to the sequence endpoints is refused by the gateway, in the REST dialect, before any command. */
@QuarkusTest
class SequenceRequestValidationTest {

    private TestAccounts.Created account;

    @BeforeEach
    void createAccount() {
        account = TestAccounts.create("Validation");
    }

    private RequestSpecification authorized() {
        return given().header("Authorization", account.bearer()).contentType(ContentType.JSON);
    }

    private void assertInvalid(RequestSpecification request, String method, String path, String field) {
        request.when().request(method, path)
                .then().statusCode(422)
                .body("success", equalTo(false))
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details", hasKey(field));
    }

    @Test
    void malformedJsonIsABadRequest() {
        authorized().body("{\"name\": ").when().post("/v1/sequence")
                .then().statusCode(400)
                .body("success", equalTo(false))
                .body("error.code", equalTo("INVALID_JSON"))
                .body("error.message", startsWith("The request body is not valid JSON"));
    }

    @Test
    void aBodyThatIsNotAnObjectIsABadRequest() {
        authorized().body("[1, 2]").when().post("/v1/sequence")
                .then().statusCode(400).body("error.message", equalTo("The request body must be a JSON object."));
    }

    @Test
    void aSequenceNeedsANameThatIsAShortEnoughString() {
        assertInvalid(authorized().body("{}"), "POST", "/v1/sequence", "name");
        assertInvalid(authorized().body("{\"name\": \"\"}"), "POST", "/v1/sequence", "name");
        assertInvalid(authorized().body("{\"name\": \"   \"}"), "POST", "/v1/sequence", "name");
        assertInvalid(authorized().body("{\"name\": 42}"), "POST", "/v1/sequence", "name");
        assertInvalid(authorized().body("{\"name\": \"" + "n".repeat(256) + "\"}"), "POST", "/v1/sequence", "name");
    }

    @Test
    void theMessagesSayWhatIsWrong() {
        authorized().body("{\"name\": 42, \"type\": \"sideways\"}").when().post("/v1/sequence")
                .then().statusCode(422)
                .body("error.message", equalTo("The name field must be a string. (and 1 more error)"))
                .body("error.details.name[0]", equalTo("The name field must be a string."))
                .body("error.details.type[0]", equalTo("The selected type is invalid."));
    }

    @Test
    void theTypeIsNormalOrInverted() {
        assertInvalid(authorized().body("{\"name\": \"x\", \"type\": \"sideways\"}"), "POST", "/v1/sequence", "type");
        assertInvalid(authorized().body("{\"name\": \"x\", \"type\": 1}"), "POST", "/v1/sequence", "type");
    }

    @Test
    void pagesStartAtOneAndHoldOneToAHundredRows() {
        assertInvalid(authorized().queryParam("page", "0"), "GET", "/v1/sequences", "page");
        assertInvalid(authorized().queryParam("page", "first"), "GET", "/v1/sequences", "page");
        assertInvalid(authorized().queryParam("per_page", "0"), "GET", "/v1/sequences", "per_page");
        assertInvalid(authorized().queryParam("per_page", "101"), "GET", "/v1/sequences", "per_page");
        assertInvalid(authorized().queryParam("per_page", "1.5"), "GET", "/v1/sequences", "per_page");
    }

    @Test
    void gettingASequenceNeedsAnIntegerId() {
        assertInvalid(authorized(), "GET", "/v1/sequence", "sequence_id");
        assertInvalid(authorized().queryParam("sequence_id", "abc"), "GET", "/v1/sequence", "sequence_id");
    }

    @Test
    void deletingASequenceNeedsAnIntegerId() {
        assertInvalid(authorized().body("{}"), "DELETE", "/v1/sequence", "sequence_id");
        assertInvalid(authorized().body("{\"sequence_id\": \"twelve\"}"), "DELETE", "/v1/sequence", "sequence_id");
        assertInvalid(authorized().body("{\"sequence_id\": 1.5}"), "DELETE", "/v1/sequence", "sequence_id");
        assertInvalid(authorized().body("{\"sequence_id\": true}"), "DELETE", "/v1/sequence", "sequence_id");
    }

    @Test
    void anIdempotencyKeyMustBeShort() {
        authorized().header("Idempotency-Key", "k".repeat(256)).body("{\"name\": \"x\"}")
                .when().post("/v1/sequence")
                .then().statusCode(400).body("error.code", equalTo("INVALID_IDEMPOTENCY_KEY"));
    }

    @Test
    void aBadScheduleIsRefusedNamingItsField() {
        String[][] cases = {
                {"{\"timezone\": \"Mars/Olympus\"}", "schedule.timezone"},
                {"{\"window\": {\"open\": \"17:00\", \"close\": \"09:00\"}}", "schedule.window.close"},
                {"{\"window\": {\"open\": \"9am\", \"close\": \"17:00\"}}", "schedule.window.open"},
                {"{\"throttle_per_minute\": -5}", "schedule.throttle_per_minute"},
                {"{\"days\": \"weekends\"}", "schedule.days"},
                {"{\"holidays\": {\"country\": \"XX\"}}", "schedule.holidays.country"},
        };
        for (String[] bad : cases) {
            assertInvalid(authorized().body("{\"sequence_id\": 1, \"schedule\": " + bad[0] + "}"), "PUT",
                    "/v1/sequence", bad[1]);
        }
        assertInvalid(authorized().body("{\"sequence_id\": 1, \"stop_on_reply\": \"maybe\"}"), "PUT",
                "/v1/sequence", "stop_on_reply");
    }

    @Test
    void aBadTimezoneOfAContactIsRefusedByTheEnrollWebhook() {
        given().contentType(ContentType.JSON)
                .body("{\"api_token\": \"" + account.token() + "\", \"sequence_id\": 1, \"source\": \"hubspot\","
                        + " \"id\": \"7\", \"timezone\": \"EST\"}")
                .when().post("/api/v1/webhook/sequence-enroll")
                .then().statusCode(422).body("errors", hasKey("timezone"));
    }
}
