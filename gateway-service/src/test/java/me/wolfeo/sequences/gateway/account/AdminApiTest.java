package me.wolfeo.sequences.gateway.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import me.wolfeo.sequences.gateway.TestAccounts;

@QuarkusTest
class AdminApiTest {

    @Inject
    ApiTokenRepository tokens;

    @Test
    void creatingAnAccountAnswersItsIdAndAFirstTokenShownOnce() {
        given().header("X-Admin-Key", TestAccounts.ADMIN_KEY).contentType(ContentType.JSON)
                .body("{\"name\": \"Acme\"}")
                .when().post("/admin/v1/accounts")
                .then().statusCode(201)
                .body("success", equalTo(true))
                .body("data.name", equalTo("Acme"))
                .body("data.created_at", matchesPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}"))
                .body("data.token.token", startsWith("sq_"))
                .body("data.token.token.length()", equalTo(46));
    }

    @Test
    void tokensAreStoredOnlyAsHashes() {
        TestAccounts.Created account = TestAccounts.create("Hashed");

        ApiToken stored = tokens.findById(account.tokenId());

        assertThat(stored.tokenHash).hasSize(64).doesNotContain(account.token())
                .isEqualTo(TokenSecrets.hash(account.token()));
    }

    @Test
    void anAccountCanHaveMoreTokensAndEachWorks() {
        TestAccounts.Created account = TestAccounts.create("Two tokens");

        String second = given().header("X-Admin-Key", TestAccounts.ADMIN_KEY)
                .when().post("/admin/v1/accounts/" + account.accountId() + "/tokens")
                .then().statusCode(201)
                .body("data.account_id", equalTo((int) account.accountId()))
                .extract().path("data.token");

        assertThat(second).startsWith("sq_").isNotEqualTo(account.token());
        AuthenticationTest.assertAuthenticates("Bearer " + second);
        AuthenticationTest.assertAuthenticates(account.bearer());
    }

    @Test
    void aTokenForAnUnknownAccountIsNotFound() {
        given().header("X-Admin-Key", TestAccounts.ADMIN_KEY)
                .when().post("/admin/v1/accounts/999999999/tokens")
                .then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
    }

    @Test
    void revokingAnUnknownTokenIsNotFound() {
        given().header("X-Admin-Key", TestAccounts.ADMIN_KEY)
                .when().delete("/admin/v1/tokens/999999999")
                .then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
    }

    @Test
    void theAdminApiRefusesAMissingOrWrongAdminKey() {
        given().contentType(ContentType.JSON).body("{\"name\": \"x\"}")
                .when().post("/admin/v1/accounts")
                .then().statusCode(401).body("success", equalTo(false))
                .body("error.code", equalTo("UNAUTHENTICATED"));
        given().header("X-Admin-Key", "wrong").contentType(ContentType.JSON).body("{\"name\": \"x\"}")
                .when().post("/admin/v1/accounts")
                .then().statusCode(401).body("error.code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void anAccountNeedsAName() {
        given().header("X-Admin-Key", TestAccounts.ADMIN_KEY).contentType(ContentType.JSON).body("{}")
                .when().post("/admin/v1/accounts")
                .then().statusCode(422).body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details.name[0]", equalTo("The name field is required."));
    }
}
