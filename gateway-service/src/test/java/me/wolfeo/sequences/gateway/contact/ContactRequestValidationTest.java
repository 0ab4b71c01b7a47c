package me.wolfeo.sequences.gateway.contact;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import me.wolfeo.sequences.gateway.TestAccounts;

/**
 * Bad input to {@code POST /v1/contact-activity} and {@code PUT /v1/contact} is refused by the gateway, in the
 * REST dialect, naming the field, before any command is sent.
 */
@QuarkusTest
class ContactRequestValidationTest {

    private TestAccounts.Created account;

    @BeforeEach
    void createAccount() {
        account = TestAccounts.create("Contact validation");
    }

    private RequestSpecification authorized() {
        return given().header("Authorization", account.bearer()).contentType(ContentType.JSON);
    }

    private void assertInvalid(String method, String path, String body, String field) {
        authorized().body(body).when().request(method, path)
                .then().statusCode(422)
                .body("success", equalTo(false))
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details", hasKey(field));
    }

    private void assertInvalidActivity(String body, String field) {
        assertInvalid("POST", "/v1/contact-activity", body, field);
    }

    @Test
    void anActivityNeedsAKnownType() {
        assertInvalidActivity("{\"contact_id\": 1}", "type");
        assertInvalidActivity("{\"contact_id\": 1, \"type\": \"waved\"}", "type");
        assertInvalidActivity("{\"contact_id\": 1, \"type\": \"REPLIED\"}", "type");
        assertInvalidActivity("{\"contact_id\": 1, \"type\": 3}", "type");
        authorized().body("{\"contact_id\": 1, \"type\": \"waved\"}").when().post("/v1/contact-activity")
                .then().statusCode(422).body("error.details.type[0]", equalTo("The selected type is invalid."));
    }

    @Test
    void anActivityNamesItsContactInExactlyOneWay() {
        assertInvalidActivity("{\"type\": \"replied\"}", "contact_id");
        assertInvalidActivity("{\"contact_id\": 1, \"source\": \"hubspot\", \"id\": \"7\", \"type\": \"replied\"}",
                "contact_id");
        assertInvalidActivity("{\"contact_id\": \"one\", \"type\": \"replied\"}", "contact_id");
        assertInvalidActivity("{\"source\": \"myspace\", \"id\": \"7\", \"type\": \"replied\"}", "source");
        assertInvalidActivity("{\"id\": \"7\", \"type\": \"replied\"}", "source");
        assertInvalidActivity("{\"source\": \"hubspot\", \"type\": \"replied\"}", "id");
        assertInvalidActivity("{\"source\": \"hubspot\", \"id\": \"bell\\u0007\", \"type\": \"replied\"}", "id");
        assertInvalidActivity("{\"source\": \"phone_number\", \"type\": \"replied\"}", "phone_number");
    }

    @Test
    void occurredAtIsAnIsoInstantWithItsOffset() {
        assertInvalidActivity("{\"contact_id\": 1, \"type\": \"replied\", \"occurred_at\": \"yesterday\"}",
                "occurred_at");
        assertInvalidActivity("{\"contact_id\": 1, \"type\": \"replied\", \"occurred_at\": \"2026-11-23 12:00:00\"}",
                "occurred_at");
        assertInvalidActivity("{\"contact_id\": 1, \"type\": \"replied\", \"occurred_at\": \"2026-11-23T12:00:00\"}",
                "occurred_at");
        assertInvalidActivity("{\"contact_id\": 1, \"type\": \"replied\", \"occurred_at\": 1732363200}",
                "occurred_at");
        assertInvalidActivity("{\"contact_id\": 1, \"type\": \"replied\", \"occurred_at\": \"2026-13-01T00:00:00Z\"}",
                "occurred_at");
    }

    @Test
    void aContactUpdateNeedsItsIdAndValidSettings() {
        assertInvalid("PUT", "/v1/contact", "{\"timezone\": \"UTC\"}", "contact_id");
        assertInvalid("PUT", "/v1/contact", "{\"contact_id\": 1, \"timezone\": \"Mars/Olympus\"}", "timezone");
        assertInvalid("PUT", "/v1/contact", "{\"contact_id\": 1, \"timezone\": \"+02:00\"}", "timezone");
        assertInvalid("PUT", "/v1/contact", "{\"contact_id\": 1, \"timezone\": \"america/new_york\"}", "timezone");
        assertInvalid("PUT", "/v1/contact", "{\"contact_id\": 1, \"opted_out\": \"maybe\"}", "opted_out");
        assertInvalid("PUT", "/v1/contact", "{\"contact_id\": 1, \"email\": \"not-an-address\"}", "email");
        assertInvalid("PUT", "/v1/contact", "{\"contact_id\": 1, \"first_name\": \"Ada\\u0000\"}", "first_name");
        assertInvalid("PUT", "/v1/contact", "{\"contact_id\": 1, \"last_name\": \"" + "n".repeat(256) + "\"}",
                "last_name");
    }

    @Test
    void bothRoutesTakeAnApiToken() {
        given().contentType(ContentType.JSON).body("{\"contact_id\": 1, \"type\": \"replied\"}")
                .when().post("/v1/contact-activity").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{\"contact_id\": 1}")
                .when().put("/v1/contact").then().statusCode(401);
    }
}
