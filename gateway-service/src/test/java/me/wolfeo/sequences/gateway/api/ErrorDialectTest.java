package me.wolfeo.sequences.gateway.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import me.wolfeo.sequences.gateway.TestAccounts;

/** Whatever goes wrong, the answer is JSON in the dialect of the path, never a stack trace or an HTML page. */
@QuarkusTest
class ErrorDialectTest {

    @Test
    void anUnknownPathIsNotFoundInTheRestDialect() {
        given().header("Authorization", TestAccounts.create("Lost").bearer())
                .when().get("/v1/no-such-thing")
                .then().statusCode(404).contentType(ContentType.JSON)
                .body("success", equalTo(false)).body("error.code", equalTo("NOT_FOUND"));
    }

    @Test
    void aWrongMethodIsRefusedInTheRestDialect() {
        given().header("Authorization", TestAccounts.create("Wrong method").bearer())
                .when().put("/v1/sequences")
                .then().statusCode(405).contentType(ContentType.JSON)
                .body("error.code", equalTo("METHOD_NOT_ALLOWED"));
    }

    @Test
    void anOversizedBodyIsRefusedInTheRestDialect() {
        given().header("Authorization", TestAccounts.create("Big").bearer()).contentType(ContentType.JSON)
                .body("{\"name\": \"" + "x".repeat(3 * 1024 * 1024) + "\"}")
                .when().post("/v1/sequence")
                .then().statusCode(413).contentType(ContentType.JSON)
                .body("error.code", equalTo("PAYLOAD_TOO_LARGE"));
    }
}
