package me.wolfeo.sequences.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

/** A request retried with the same Idempotency-Key gets the first answer and changes nothing more. */
class IdempotencyKeyTest {

    private Platform.Account account;

    @BeforeEach
    void newAccount() {
        account = Platform.newAccount("Retries");
    }

    private String create(String key, String name) {
        return Platform.as(account).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body("{\"name\": \"" + name + "\"}")
                .when().post("/v1/sequence")
                .then().extract().asString();
    }

    @Test
    void aRetriedCreateAnswersTheFirstResultAndCreatesOneSequence() {
        String first = create("create-welcome", "Welcome");
        String retry = create("create-welcome", "Welcome");

        assertThat(retry).isEqualTo(first).contains("\"success\":true");
        Platform.as(account).when().get("/v1/sequences").then().body("meta.total", equalTo(1));
    }

    @Test
    void aKeyReusedForADifferentRequestIsRefused() {
        create("reused", "First");

        Platform.as(account).header("Idempotency-Key", "reused").contentType(ContentType.JSON)
                .body("{\"name\": \"Second\"}")
                .when().post("/v1/sequence")
                .then().statusCode(422).body("error.code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        Platform.as(account).when().get("/v1/sequences").then().body("meta.total", equalTo(1));
    }

    @Test
    void aRetriedEnrollmentIsNotAnAlreadyEnrolledError() {
        long sequenceId = Fixtures.sequence(account, "Enroll once");
        String body = "{\"api_token\": \"" + account.token() + "\", \"sequence_id\": " + sequenceId
                + ", \"source\": \"hubspot\", \"id\": 99}";

        for (int attempt = 0; attempt < 2; attempt++) {
            Platform.anonymous().header("Idempotency-Key", "enroll-99").contentType(ContentType.JSON).body(body)
                    .when().post("/api/v1/webhook/sequence-enroll")
                    .then().statusCode(200)
                    .body("message", equalTo("Contact is successfully enrolled in the sequence."));
        }
        Platform.anonymous().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/webhook/sequence-enroll")
                .then().statusCode(400);
    }

    @Test
    void keysOfDifferentAccountsDoNotMeet() {
        Platform.Account other = Platform.newAccount("Other retries");
        create("shared-key", "Mine");

        Platform.as(other).header("Idempotency-Key", "shared-key").contentType(ContentType.JSON)
                .body("{\"name\": \"Theirs\"}")
                .when().post("/v1/sequence")
                .then().statusCode(201).body("data.name", equalTo("Theirs"));
    }
}
