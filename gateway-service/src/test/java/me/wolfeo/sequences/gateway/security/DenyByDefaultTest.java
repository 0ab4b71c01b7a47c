package me.wolfeo.sequences.gateway.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import me.wolfeo.sequences.gateway.TestAccounts;
import me.wolfeo.sequences.gateway.api.Dialect;
import me.wolfeo.sequences.platform.testing.JaxRsRoutes;

/**
 * Every route of the gateway, found by reading its resource classes (so a route added tomorrow is covered), refuses
 * a caller without credentials with 401 in its dialect; only health stays open. A credential of the wrong kind (an
 * API token on the admin API, the admin key on /v1) is refused the same way.
 */
@QuarkusTest
class DenyByDefaultTest {

    @Test
    void everyRouteRefusesAnAnonymousCaller() {
        List<JaxRsRoutes.Route> routes = JaxRsRoutes.ofModule("me.wolfeo.sequences.gateway");
        assertThat(routes).as("routes found in the resource classes").hasSizeGreaterThan(20)
                .contains(new JaxRsRoutes.Route("POST", "/api/v1/webhook/sequence-enroll"),
                        new JaxRsRoutes.Route("GET", "/v1/sequences"),
                        new JaxRsRoutes.Route("POST", "/admin/v1/accounts"));
        for (JaxRsRoutes.Route route : routes) {
            ValidatableResponse answer = given().contentType(ContentType.JSON).body("{}")
                    .when().request(route.method(), route.path())
                    .then().statusCode(401).contentType(ContentType.JSON);
            if (Dialect.ofPath(route.path()) == Dialect.WEBHOOK) {
                answer.body("message", equalTo("The api_token field is required."));
            } else {
                answer.body("success", equalTo(false)).body("error.code", equalTo("UNAUTHENTICATED"))
                        .body("error.message", notNullValue());
            }
        }
    }

    @Test
    void anApiTokenDoesNotOpenTheAdminApi() {
        given().header("Authorization", TestAccounts.create("Not an operator").bearer())
                .when().post("/admin/v1/accounts/1/tokens")
                .then().statusCode(401).body("error.message", equalTo("Missing or wrong X-Admin-Key."));
    }

    @Test
    void theAdminKeyDoesNotOpenTheRestDialect() {
        given().header("X-Admin-Key", TestAccounts.ADMIN_KEY)
                .when().get("/v1/sequences")
                .then().statusCode(401)
                .body("error.message", equalTo("Missing API token: send Authorization: Bearer <token>."));
    }

    @Test
    void healthIsOpen() {
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(200);
    }
}
