package me.wolfeo.sequences.gateway.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import me.wolfeo.sequences.gateway.TestAccounts;

/**
 * A control character or a lone surrogate in any field is refused at the gateway with 422 naming the field, in
 * each dialect: such text cannot be stored as sent (PostgreSQL refuses NUL, UTF-8 cannot hold a lone surrogate),
 * and it is never trimmed away into another, valid value.
 */
@QuarkusTest
class UnstorableTextTest {

    private TestAccounts.Created account;

    @BeforeEach
    void createAccount() {
        account = TestAccounts.create("Unstorable text");
    }

    private void assertRestRefuses(String method, String path, String body, String field) {
        given().header("Authorization", account.bearer()).contentType(ContentType.JSON).body(body)
                .when().request(method, path)
                .then().statusCode(422)
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details", hasKey(field));
    }

    private void assertWebhookRefuses(String path, String fields, String field) {
        given().contentType(ContentType.JSON)
                .body("{\"api_token\": \"" + account.token() + "\", " + fields + "}")
                .when().post(path)
                .then().statusCode(422)
                .body("errors", hasKey(field));
    }

    @Test
    void aNulByteInAContactIdIsRefusedInTheWebhookDialect() {
        assertWebhookRefuses("/api/v1/webhook/sequence-enroll",
                "\"sequence_id\": 1, \"source\": \"hubspot\", \"id\": \"nul\\u0000inside\"", "id");
        assertWebhookRefuses("/api/v1/webhook/sequence-disenroll",
                "\"source\": \"hubspot\", \"id\": \"nul\\u0000inside\"", "id");
    }

    @Test
    void aLoneSurrogateInAContactIdIsRefused() {
        assertWebhookRefuses("/api/v1/webhook/sequence-enroll",
                "\"sequence_id\": 1, \"source\": \"hubspot\", \"id\": \"\\ud800\"", "id");
    }

    @Test
    void controlCharactersInContactAttributesAreRefused() {
        assertWebhookRefuses("/api/v1/webhook/sequence-enroll",
                "\"sequence_id\": 1, \"source\": \"hubspot\", \"id\": 7, \"first_name\": \"A\\u0007\"", "first_name");
        assertWebhookRefuses("/api/v1/webhook/sequence-enroll",
                "\"sequence_id\": 1, \"source\": \"hubspot\", \"id\": 7, \"email\": \"a\\u0000@x.com\"", "email");
        assertWebhookRefuses("/api/v1/webhook/sequence-enroll",
                "\"sequence_id\": 1, \"source\": \"phone_number\", \"phone_number\": \"818\\u0000555\"",
                "phone_number");
    }

    @Test
    void anIdWithATrailingNulIsNotReadAsTheIdWithoutIt() {
        assertRestRefuses("DELETE", "/v1/sequence", "{\"sequence_id\": \"10\\u0000\"}", "sequence_id");
        assertRestRefuses("DELETE", "/v1/sequence", "{\"sequence_id\": \"\\u000010\"}", "sequence_id");
    }

    @Test
    void namesWithControlCharactersAreRefusedInTheRestDialect() {
        assertRestRefuses("POST", "/v1/sequence", "{\"name\": \"Welcome\\u0000\"}", "name");
        assertRestRefuses("POST", "/v1/sequence", "{\"name\": \"\\u001b[31mred\"}", "name");
        assertRestRefuses("POST", "/v1/sequence-stage", "{\"sequence_id\": 1, \"name\": \"\\ud800\"}", "name");
        assertRestRefuses("PUT", "/v1/sequence-stage-content",
                "{\"stage_id\": 1, \"html\": \"<p>x</p>\", \"subject\": \"Hi\\u0000\"}", "subject");
        assertRestRefuses("PUT", "/v1/sequence-stage-content", "{\"stage_id\": 1, \"html\": \"<p>\\u0000</p>\"}",
                "html");
    }

    @Test
    void anAccountNameWithANulByteIsRefusedInTheAdminApi() {
        given().header("X-Admin-Key", TestAccounts.ADMIN_KEY).contentType(ContentType.JSON)
                .body("{\"name\": \"\\u0000\"}")
                .when().post("/admin/v1/accounts")
                .then().statusCode(422).body("error.details", hasKey("name"));
    }
}
