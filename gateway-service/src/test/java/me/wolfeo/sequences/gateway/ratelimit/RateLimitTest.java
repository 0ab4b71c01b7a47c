package me.wolfeo.sequences.gateway.ratelimit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import me.wolfeo.sequences.gateway.TestAccounts;

/**
 * Each API token gets N requests a minute per dialect (the account's own N, or the gateway's default); the next one
 * is answered 429 with Retry-After, in the dialect's words. Other tokens and other accounts are not affected.
 */
@QuarkusTest
class RateLimitTest {

    private static ValidatableResponse setLimits(long accountId, String body) {
        return given().header("X-Admin-Key", TestAccounts.ADMIN_KEY).contentType(ContentType.JSON).body(body)
                .when().put("/admin/v1/accounts/" + accountId + "/rate-limits").then();
    }

    /** A REST call refused for its body (422, no service involved) once admitted: it is counted all the same. */
    private static ValidatableResponse restCall(String bearer) {
        return given().header("Authorization", bearer).contentType(ContentType.JSON).body("{}")
                .when().post("/v1/sequence").then();
    }

    /** A webhook call that is refused for its body (no sequence): it is counted all the same. */
    private static ValidatableResponse webhook(String token) {
        return given().contentType(ContentType.JSON).body(Map.of("api_token", token))
                .when().post("/api/v1/webhook/sequence-enroll").then();
    }

    @Test
    void anAccountStartsWithTheDefaultLimits() {
        TestAccounts.Created account = TestAccounts.create("Defaults");
        given().header("X-Admin-Key", TestAccounts.ADMIN_KEY)
                .when().get("/admin/v1/accounts/" + account.accountId() + "/rate-limits")
                .then().statusCode(200)
                .body("data.rest_requests_per_minute", equalTo(600))
                .body("data.webhook_requests_per_minute", equalTo(5000))
                .body("data.rest_is_default", equalTo(true));
    }

    @Test
    void theRequestAfterTheLimitIsRefusedWithRetryAfterInTheRestDialect() {
        TestAccounts.Created account = TestAccounts.create("Limited");
        setLimits(account.accountId(), "{\"rest_requests_per_minute\": 3}").statusCode(200)
                .body("data.rest_requests_per_minute", equalTo(3)).body("data.rest_is_default", equalTo(false));
        for (int i = 0; i < 3; i++) {
            restCall(account.bearer()).statusCode(422);
        }
        restCall(account.bearer()).statusCode(429)
                .header("Retry-After", matchesPattern("1?[0-9]|20"))
                .body("success", equalTo(false))
                .body("error.code", equalTo("RATE_LIMITED"))
                .body("error.message", startsWith("Too many requests: this API token may make 3 requests a minute."));
    }

    @Test
    void anotherTokenOfTheAccountAndAnotherAccountHaveTheirOwnCounts() {
        TestAccounts.Created account = TestAccounts.create("Busy");
        TestAccounts.Created neighbour = TestAccounts.create("Neighbour");
        setLimits(account.accountId(), "{\"rest_requests_per_minute\": 1}").statusCode(200);
        String second = given().header("X-Admin-Key", TestAccounts.ADMIN_KEY)
                .when().post("/admin/v1/accounts/" + account.accountId() + "/tokens")
                .then().statusCode(201).extract().path("data.token");
        restCall(account.bearer()).statusCode(422);
        restCall(account.bearer()).statusCode(429);
        restCall("Bearer " + second).statusCode(422);
        restCall(neighbour.bearer()).statusCode(422);
    }

    @Test
    void theWebhooksAnswerTooManyAttemptsInTheirOwnWords() {
        TestAccounts.Created account = TestAccounts.create("Webhook limited");
        setLimits(account.accountId(), "{\"webhook_requests_per_minute\": 2}").statusCode(200);
        webhook(account.token()).statusCode(422);
        webhook(account.token()).statusCode(422);
        webhook(account.token()).statusCode(429)
                .header("Retry-After", matchesPattern("[12]?[0-9]|30"))
                .body("$", aMapWithSize(1))
                .body("message", equalTo("Too Many Attempts."));
        // The REST dialect's count is its own.
        restCall(account.bearer()).statusCode(422);
    }

    @Test
    void aLimitSetBackToNullIsTheDefaultAgain() {
        TestAccounts.Created account = TestAccounts.create("Back to default");
        setLimits(account.accountId(), "{\"rest_requests_per_minute\": 1}").statusCode(200);
        restCall(account.bearer()).statusCode(422);
        restCall(account.bearer()).statusCode(429);
        setLimits(account.accountId(), "{\"rest_requests_per_minute\": null}").statusCode(200)
                .body("data.rest_requests_per_minute", equalTo(600));
        restCall(account.bearer()).statusCode(422);
    }

    @Test
    void badLimitsAreRefusedAndChangeNothing() {
        TestAccounts.Created account = TestAccounts.create("Careful operator");
        setLimits(account.accountId(), "{\"rest_requests_per_minute\": 0}").statusCode(422)
                .body("error.details.rest_requests_per_minute[0]", startsWith("The rest requests per minute"));
        setLimits(account.accountId(), "{\"webhook_requests_per_minute\": \"many\"}").statusCode(422);
        setLimits(account.accountId(), "{}").statusCode(422);
        setLimits(999_999_999L, "{\"rest_requests_per_minute\": 5}").statusCode(404);
        given().header("X-Admin-Key", TestAccounts.ADMIN_KEY)
                .when().get("/admin/v1/accounts/" + account.accountId() + "/rate-limits")
                .then().statusCode(200).body("data.rest_requests_per_minute", equalTo(600))
                .body("data.webhook_requests_per_minute", equalTo(5000));
    }
}
