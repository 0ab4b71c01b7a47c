package me.wolfeo.sequences.gateway.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import me.wolfeo.sequences.gateway.TestAccounts;

/**
 * No sequence-service runs in this module's tests, so a command is never answered: the gateway gives up after its
 * timeout (3 s in tests) with 504 and the command id, and the same Idempotency-Key names the same command.
 */
@QuarkusTest
class ReplyTimeoutTest {

    @Test
    void anUnansweredCommandIsAGatewayTimeoutWithItsCommandId() {
        given().header("Authorization", TestAccounts.create("Patient").bearer()).contentType(ContentType.JSON)
                .body("{\"name\": \"Never answered\"}")
                .when().post("/v1/sequence")
                .then().statusCode(504)
                .body("success", equalTo(false))
                .body("error.code", equalTo("GATEWAY_TIMEOUT"))
                .body("error.details.command_id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyIsTheSameCommand() {
        TestAccounts.Created account = TestAccounts.create("Retrying");
        String first = timedOutCommandId(account, "retry-key-1");
        String retry = timedOutCommandId(account, "retry-key-1");
        String other = timedOutCommandId(account, "retry-key-2");

        org.assertj.core.api.Assertions.assertThat(retry).isEqualTo(first);
        org.assertj.core.api.Assertions.assertThat(other).isNotEqualTo(first);
    }

    private static String timedOutCommandId(TestAccounts.Created account, String idempotencyKey) {
        return given().header("Authorization", account.bearer()).header("Idempotency-Key", idempotencyKey)
                .contentType(ContentType.JSON).body("{\"name\": \"Never answered\"}")
                .when().post("/v1/sequence")
                .then().statusCode(504).extract().path("error.details.command_id");
    }
}
