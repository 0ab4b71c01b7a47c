package me.wolfeo.sequences.gateway;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Creates accounts through the admin API, as an operator would. */
public final class TestAccounts {

    public static final String ADMIN_KEY = "test-admin-key";

    private TestAccounts() {
    }

    /** A new account; returns its id and first token. */
    public static Created create(String name) {
        JsonPath answer = given().header("X-Admin-Key", ADMIN_KEY).contentType(ContentType.JSON)
                .body("{\"name\": \"" + name + "\"}")
                .when().post("/admin/v1/accounts")
                .then().statusCode(201).extract().jsonPath();
        return new Created(answer.getLong("data.id"), answer.getLong("data.token.id"),
                answer.getString("data.token.token"));
    }

    public record Created(long accountId, long tokenId, String token) {

        public String bearer() {
            return "Bearer " + token;
        }
    }
}
