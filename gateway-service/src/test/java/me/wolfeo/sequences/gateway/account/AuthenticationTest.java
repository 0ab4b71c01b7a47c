package me.wolfeo.sequences.gateway.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import me.wolfeo.sequences.gateway.TestAccounts;

/**
 * /v1 takes {@code Authorization: Bearer <token>}. An empty create request is used to probe: it is refused
 * with 422 when the token is accepted, and with 401 before that when it is not.
 */
@QuarkusTest
class AuthenticationTest {

    static void assertAuthenticates(String authorization) {
        given().header("Authorization", authorization).contentType(ContentType.JSON).body("{}")
                .when().post("/v1/sequence")
                .then().statusCode(422);
    }

    static void assertRefused(String authorization, String message) {
        var request = given().contentType(ContentType.JSON).body("{}");
        if (authorization != null) {
            request = request.header("Authorization", authorization);
        }
        request.when().post("/v1/sequence")
                .then().statusCode(401)
                .body("success", equalTo(false))
                .body("error.code", equalTo("UNAUTHENTICATED"))
                .body("error.message", equalTo(message));
    }

    @Test
    void aValidTokenIsAccepted() {
        assertAuthenticates(TestAccounts.create("Valid").bearer());
    }

    @Test
    void theSchemeIsCaseInsensitive() {
        assertAuthenticates("bearer " + TestAccounts.create("Lower case").token());
    }

    @Test
    void aRequestWithoutATokenIsUnauthenticated() {
        assertRefused(null, "Missing API token: send Authorization: Bearer <token>.");
    }

    @Test
    void anotherAuthorizationSchemeIsUnauthenticated() {
        assertRefused("Basic dXNlcjpwYXNz", "Unsupported authorization scheme: send Authorization: Bearer <token>.");
    }

    @Test
    void anUnknownTokenIsUnauthenticated() {
        assertRefused("Bearer sq_this-token-was-never-issued", "Invalid or revoked API token.");
        assertRefused("Bearer " + "x".repeat(500), "Invalid or revoked API token.");
    }

    @Test
    void aRevokedTokenIsRefusedAtOnceAndTheAccountsOtherTokensStillWork() {
        TestAccounts.Created account = TestAccounts.create("Revoking");
        String other = given().header("X-Admin-Key", TestAccounts.ADMIN_KEY)
                .when().post("/admin/v1/accounts/" + account.accountId() + "/tokens")
                .then().statusCode(201).extract().path("data.token");
        assertAuthenticates(account.bearer());

        given().header("X-Admin-Key", TestAccounts.ADMIN_KEY)
                .when().delete("/admin/v1/tokens/" + account.tokenId())
                .then().statusCode(200).body("data.revoked", equalTo(true));

        assertRefused(account.bearer(), "Invalid or revoked API token.");
        assertAuthenticates("Bearer " + other);
    }
}
