package me.wolfeo.sequences.gateway.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import me.wolfeo.sequences.gateway.TestAccounts;

/**
 * A body is exactly one JSON object: anything after it, or a key given twice, makes it malformed JSON, refused
 * before anything is validated or sent.
 */
@QuarkusTest
class StrictJsonBodyTest {

    private static final String[] NOT_ONE_OBJECT = {
            "{\"name\": \"x\"} trailing",
            "{\"name\": \"x\"}{\"name\": \"y\"}",
            "{\"name\": \"x\"} {}",
            "{\"name\": \"x\"}]",
    };

    private static void assertInvalidRest(String bearer, String body, String message) {
        given().header("Authorization", bearer).contentType(ContentType.JSON).body(body)
                .when().post("/v1/sequence")
                .then().statusCode(400)
                .body("success", equalTo(false))
                .body("error.code", equalTo("INVALID_JSON"))
                .body("error.message", startsWith(message));
    }

    @Test
    void textAfterTheBodysObjectIsInvalidJson() {
        String bearer = TestAccounts.create("Trailing").bearer();
        for (String body : NOT_ONE_OBJECT) {
            assertInvalidRest(bearer, body, "The request body ");
        }
    }

    @Test
    void aKeyGivenTwiceInOneObjectIsInvalidJson() {
        String bearer = TestAccounts.create("Twice").bearer();
        assertInvalidRest(bearer, "{\"name\": \"a\", \"name\": \"b\"}",
                "The request body is not valid JSON: Duplicate");
        assertInvalidRest(bearer, "{\"name\": \"a\", \"type\": \"normal\", \"type\": \"inverted\"}",
                "The request body is not valid JSON: Duplicate");
    }

    @Test
    void theWebhooksAnswerTheSameBodiesInTheirOwnDialect() {
        String token = TestAccounts.create("Webhook trailing").token();
        String enroll = "{\"api_token\": \"" + token + "\", \"sequence_id\": 1, \"source\": \"hubspot\", \"id\": 1}";
        for (String body : new String[]{enroll + " trailing", enroll + enroll,
                "{\"api_token\": \"" + token + "\", \"source\": \"hubspot\", \"source\": \"zoho\", \"id\": 1}"}) {
            given().contentType(ContentType.JSON).body(body)
                    .when().post("/api/v1/webhook/sequence-enroll")
                    .then().statusCode(400)
                    .body("message", startsWith("The request body "))
                    .body("$", not(hasKey("success")));
        }
    }

    @Test
    void whiteSpaceAfterTheObjectIsAllowed() {
        given().header("Authorization", TestAccounts.create("Spaces").bearer()).contentType(ContentType.JSON)
                .body("{\"name\": 42}  \n\t ")
                .when().post("/v1/sequence")
                .then().statusCode(422).body("error.details", hasKey("name"));
    }
}
