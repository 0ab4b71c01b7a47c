package me.wolfeo.sequences.platform.internalapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import me.wolfeo.sequences.platform.CommonsTestApplication;
import me.wolfeo.sequences.platform.testing.InternalCallers;

/**
 * The mechanism in an application that accepts two callers (CommonsTestApplication): the caller is known by its
 * token, a route that declares no role is refused even to callers, and paths outside the internal API are left to
 * whatever else authenticates there.
 */
@QuarkusTest
@TestProfile(CommonsTestApplication.class)
class InternalApiAuthenticationTest {

    @Test
    void theIdentityIsTheCallerWhoseTokenItIs() {
        given().header("Authorization", InternalCallers.bearer("sequence-service"))
                .when().get("/internal/test/caller")
                .then().statusCode(200).body(equalTo("sequence-service"));
        given().header("Authorization", InternalCallers.bearer("gateway"))
                .when().get("/internal/test/caller")
                .then().statusCode(200).body(equalTo("gateway"));
    }

    @Test
    void theSchemeIsReadWithoutRegardToCase() {
        given().header("Authorization", InternalCallers.bearer("gateway").replace("Bearer", "bearer"))
                .when().get("/internal/test/caller")
                .then().statusCode(200);
    }

    @Test
    void aRouteThatDeclaresNoRoleIsRefusedToACaller() {
        given().header("Authorization", InternalCallers.bearer("gateway"))
                .when().get("/internal/test/undeclared")
                .then().statusCode(403)
                .contentType("application/json")
                .body("code", equalTo("FORBIDDEN"));
        given().when().get("/internal/test/undeclared")
                .then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void anUnknownTokenIsRefusedWithAJsonBody() {
        given().header("Authorization", "Bearer nobody-has-this")
                .when().get("/internal/test/caller")
                .then().statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .contentType("application/json")
                .body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void credentialsOnOtherPathsAreLeftAlone() {
        given().header("Authorization", "Bearer nobody-has-this")
                .when().get("/elsewhere")
                .then().statusCode(200).body(equalTo("open"));
        given().header("Authorization", "Basic Z2F0ZXdheTpzZWNyZXQ=")
                .when().get("/elsewhere")
                .then().statusCode(200);
    }
}
