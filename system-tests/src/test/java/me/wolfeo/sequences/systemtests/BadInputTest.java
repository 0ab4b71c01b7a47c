package me.wolfeo.sequences.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

import me.wolfeo.sequences.local.testing.RawHttp;

/**
 * Bad input of every kind gets a clear 4xx in the dialect of its endpoint, never a 500, and leaves what is
 * stored as it was. Another account's ids are answered exactly like ids that do not exist.
 */
class BadInputTest {

    private Platform.Account account;
    private long sequenceId;
    private long emailStageId;

    @BeforeEach
    void accountWithData() {
        account = Platform.newAccount("Careful");
        sequenceId = Fixtures.sequence(account, "Kept");
        emailStageId = Fixtures.stage(account, sequenceId, "send_email");
        Fixtures.content(account, emailStageId, "<p>Kept</p>");
        assertThat(Fixtures.enrollHubspot(account, sequenceId, "kept", false)).isEqualTo(200);
    }

    /** Everything this account has, as the API shows it; compared before and after bad requests. */
    private String snapshot() {
        return Platform.as(account).when().get("/v1/sequences").then().statusCode(200).extract().asString()
                + Platform.as(account).when().get("/v1/sequence?sequence_id=" + sequenceId).then().extract().asString()
                + Platform.as(account).when().get("/v1/sequences-contacts?sequence_id=" + sequenceId).then().extract()
                        .asString();
    }

    private ValidatableResponse restCall(String method, String path, String body) {
        return Platform.as(account).contentType(ContentType.JSON).body(body).when().request(method, path).then();
    }

    private ValidatableResponse webhook(String path, String body) {
        return Platform.anonymous().contentType(ContentType.JSON).body(body).when().post(path).then();
    }

    @Test
    void tokensMissingUnknownOrRevokedAreUnauthenticatedEverywhere() {
        Platform.Account revoked = Platform.newAccount("Revoked");
        Platform.anonymous().header("X-Admin-Key", Platform.get().adminKey())
                .when().delete("/admin/v1/tokens/" + revoked.tokenId()).then().statusCode(200);
        for (String authorization : new String[]{null, "Bearer sq_unknown", "Bearer " + revoked.token()}) {
            for (String path : new String[]{"/v1/sequences", "/v1/sequence?sequence_id=" + sequenceId,
                    "/v1/sequences-contacts?sequence_id=" + sequenceId, "/v1/contacts-sequences?contact_id=1"}) {
                var request = Platform.anonymous();
                if (authorization != null) {
                    request = request.header("Authorization", authorization);
                }
                request.when().get(path).then().statusCode(401)
                        .body("success", equalTo(false)).body("error.code", equalTo("UNAUTHENTICATED"));
            }
        }
        webhook("/api/v1/webhook/sequence-enroll", "{\"sequence_id\": " + sequenceId
                + ", \"source\": \"hubspot\", \"id\": 1}")
                .statusCode(401).body("message", equalTo("The api_token field is required."))
                .body("$", not(hasKey("success")));
        webhook("/api/v1/webhook/sequence-disenroll", "{\"api_token\": \"" + revoked.token()
                + "\", \"source\": \"hubspot\", \"id\": \"kept\"}")
                .statusCode(401).body("message", equalTo("Invalid api_token."));
    }

    @Test
    void restBadInputIsRefusedAndChangesNothing() {
        String before = snapshot();

        restCall("POST", "/v1/sequence", "{\"name\": ").statusCode(400).body("error.code", equalTo("INVALID_JSON"));
        restCall("POST", "/v1/sequence", "{\"name\": [\"x\"]}").statusCode(422)
                .body("error.details", hasKey("name"));
        restCall("POST", "/v1/sequence", "{\"name\": \"x\", \"type\": \"reverse\"}").statusCode(422)
                .body("error.details", hasKey("type"));
        restCall("POST", "/v1/sequence-stage", "{\"sequence_id\": \"twelve\"}").statusCode(422)
                .body("error.details", hasKey("sequence_id"));
        restCall("POST", "/v1/sequence-stage", "{\"sequence_id\": " + sequenceId + ", \"stage_type\": \"fax\"}")
                .statusCode(422).body("error.details", hasKey("stage_type"));
        restCall("POST", "/v1/sequence-stage", "{\"sequence_id\": " + sequenceId + ", \"time_type\": 60}")
                .statusCode(422).body("error.details", hasKey("time_type"));
        restCall("POST", "/v1/sequence-stage", "{\"sequence_id\": " + sequenceId + ", \"time_value\": -1}")
                .statusCode(422).body("error.details", hasKey("time_value"));
        restCall("POST", "/v1/sequence-stage", "{\"sequence_id\": " + sequenceId + ", \"time_value\": 99999999}")
                .statusCode(422).body("error.details", hasKey("time_value"));
        restCall("POST", "/v1/sequence-stage", "{\"sequence_id\": " + sequenceId + ", \"name\": \""
                + "n".repeat(256) + "\"}").statusCode(422).body("error.details", hasKey("name"));
        restCall("PUT", "/v1/sequence-stage-content", "{\"stage_id\": " + emailStageId + "}").statusCode(422)
                .body("error.code", equalTo("VALIDATION_ERROR")).body("error.details", hasKey("html"));
        restCall("PUT", "/v1/sequence-stage-content", "{\"stage_id\": " + emailStageId + ", \"html\": \""
                + "x".repeat(600 * 1024) + "\"}").statusCode(422).body("error.details", hasKey("html"));
        restCall("PUT", "/v1/sequence-stage-content", "{\"stage_id\": " + emailStageId
                + ", \"html\": \"<p>x</p>\", \"from_email\": \"nobody\"}").statusCode(422)
                .body("error.details", hasKey("from_email"));
        restCall("PUT", "/v1/sequence-stage-content", "{\"stage_id\": \"x\", \"html\": \"<p>x</p>\"}")
                .statusCode(422).body("error.details", hasKey("stage_id"));
        restCall("DELETE", "/v1/sequence", "{}").statusCode(422).body("error.details", hasKey("sequence_id"));
        restCall("DELETE", "/v1/sequence-stage", "{\"stage_id\": null}").statusCode(422)
                .body("error.details", hasKey("stage_id"));
        Platform.as(account).when().get("/v1/sequences?per_page=500").then().statusCode(422);
        Platform.as(account).when().get("/v1/contacts-sequences").then().statusCode(422);
        Platform.as(account).when().get("/v1/contacts-sequences?email=not-an-email").then().statusCode(422)
                .body("error.details", hasKey("email"));
        Platform.as(account).when().get("/v1/contacts-sequences?contact_id=abc").then().statusCode(422);
        Platform.as(account).when().get("/v1/sequences-contacts?sequence_id=" + sequenceId + "&page=0")
                .then().statusCode(422);

        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void webhookBadInputIsRefusedInTheWebhookDialectAndChangesNothing() {
        String before = snapshot();
        String token = "\"api_token\": \"" + account.token() + "\"";
        String enroll = "/api/v1/webhook/sequence-enroll";

        webhook(enroll, "{" + token + ", \"sequence_id\": ").statusCode(400).body("$", hasKey("message"));
        webhook(enroll, "{" + token + ", \"sequence_id\": " + sequenceId + ", \"id\": 1}").statusCode(422)
                .body("errors", hasKey("source")).body("$", not(hasKey("success")));
        webhook(enroll, "{" + token + ", \"sequence_id\": " + sequenceId + ", \"source\": \"salesforce\", \"id\": 1}")
                .statusCode(422).body("errors", hasKey("source"));
        webhook(enroll, "{" + token + ", \"sequence_id\": " + sequenceId + ", \"source\": \"hubspot\"}")
                .statusCode(422).body("errors", hasKey("id"));
        webhook(enroll, "{" + token + ", \"sequence_id\": " + sequenceId + ", \"source\": \"phone_number\"}")
                .statusCode(422).body("errors", hasKey("phone_number"));
        webhook(enroll, "{" + token + ", \"sequence_id\": " + sequenceId
                + ", \"source\": \"phone_number\", \"phone_number\": \"call me\"}")
                .statusCode(422).body("errors", hasKey("phone_number"))
                .body("message", equalTo("The phone number field must be a valid phone number."));
        webhook(enroll, "{" + token + ", \"source\": \"hubspot\", \"id\": 1}").statusCode(422)
                .body("errors", hasKey("sequence_id"));
        webhook(enroll, "{" + token + ", \"sequence_id\": \"abc\", \"source\": \"hubspot\", \"id\": 1}")
                .statusCode(422).body("errors", hasKey("sequence_id"));
        webhook(enroll, "{" + token + ", \"sequence_id\": " + sequenceId + ", \"source\": 5, \"id\": {}}")
                .statusCode(422).body("errors", hasKey("source")).body("errors", hasKey("id"));
        webhook(enroll, "{" + token + ", \"sequence_id\": " + sequenceId
                + ", \"source\": \"hubspot\", \"id\": 1, \"force_enroll\": \"maybe\"}")
                .statusCode(422).body("errors", hasKey("force_enroll"));
        webhook("/api/v1/webhook/sequence-disenroll", "{" + token + ", \"source\": \"hubspot\"}")
                .statusCode(422).body("errors", hasKey("id"));

        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void whatTheHttpLayerRefusesIsAnsweredInTheDialectOfThePathAndChangesNothing() throws Exception {
        String before = snapshot();
        String bearer = "Bearer " + account.token();
        String enroll = "/api/v1/webhook/sequence-enroll";
        byte[] huge = ("{\"name\": \"" + "x".repeat(5 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        byte[] empty = "{}".getBytes(StandardCharsets.UTF_8);

        assertRestRefusal(gateway().chunked("POST /v1/sequence HTTP/1.1", Map.of("Authorization", bearer), huge),
                413, "PAYLOAD_TOO_LARGE");
        assertWebhookRefusal(gateway().chunked("POST " + enroll + " HTTP/1.1", Map.of(), huge), 413);
        assertRestRefusal(gateway().request("POST /v1/sequence HTTP/1.1",
                Map.of("Authorization", bearer, "Idempotency-Key", "k".repeat(100_000)), empty),
                431, "HEADERS_TOO_LARGE");
        assertWebhookRefusal(gateway().request("POST " + enroll + " HTTP/1.1",
                Map.of("Idempotency-Key", "k".repeat(100_000)), empty), 431);
        String longQuery = "&padding=" + "q".repeat(20_000);
        assertRestRefusal(gateway().request("GET /v1/sequence?sequence_id=" + sequenceId + longQuery + " HTTP/1.1",
                Map.of("Authorization", bearer), new byte[0]), 414, "URI_TOO_LONG");
        assertWebhookRefusal(gateway().request("POST " + enroll + "?x=1" + longQuery + " HTTP/1.1", Map.of(), empty),
                414);
        assertRestRefusal(gateway().request("GET /v1/sequence?sequence_id=%zz HTTP/1.1",
                Map.of("Authorization", bearer), new byte[0]), 400, "BAD_REQUEST");
        assertWebhookRefusal(gateway().request("POST " + enroll + "?source=%zz HTTP/1.1", Map.of(), empty), 400);

        String token = "\"api_token\": \"" + account.token() + "\"";
        restCall("POST", "/v1/sequence", "{\"name\": \"x\"} trailing").statusCode(400)
                .body("error.code", equalTo("INVALID_JSON"));
        restCall("POST", "/v1/sequence", "{\"name\": \"x\"}{\"name\": \"y\"}").statusCode(400)
                .body("error.code", equalTo("INVALID_JSON"));
        restCall("POST", "/v1/sequence", "{\"name\": \"a\", \"name\": \"b\"}").statusCode(400)
                .body("error.code", equalTo("INVALID_JSON"));
        webhook(enroll, "{" + token + ", \"sequence_id\": " + sequenceId + ", \"source\": \"hubspot\", \"id\": 9} x")
                .statusCode(400).body("$", hasKey("message")).body("$", not(hasKey("success")));
        Platform.as(account).header("Idempotency-Key", "").contentType(ContentType.JSON).body("{\"name\": \"x\"}")
                .when().post("/v1/sequence").then().statusCode(400)
                .body("error.code", equalTo("INVALID_IDEMPOTENCY_KEY"));

        assertThat(snapshot()).isEqualTo(before);
    }

    private static void assertRestRefusal(RawHttp.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().get("content-type")).startsWith("application/json");
        assertThat(JsonPath.from(response.body()).getBoolean("success")).isFalse();
        assertThat(JsonPath.from(response.body()).getString("error.code")).isEqualTo(code);
    }

    private static void assertWebhookRefusal(RawHttp.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().get("content-type")).startsWith("application/json");
        assertThat(JsonPath.from(response.body()).getString("message")).isNotBlank();
        assertThat(JsonPath.from(response.body()).getMap("$")).doesNotContainKey("success");
    }

    @Test
    void aPageFarPastTheEndIsEmptyAndTellsThePageAsked() {
        int lastPossible = Integer.MAX_VALUE;
        Platform.as(account).queryParam("page", lastPossible).when().get("/v1/sequences")
                .then().statusCode(200).body("success", equalTo(true)).body("data", empty())
                .body("meta.current_page", equalTo(lastPossible)).body("meta.per_page", equalTo(50))
                .body("meta.last_page", equalTo(1)).body("meta.total", equalTo(1));
        Platform.as(account).queryParam("sequence_id", sequenceId).queryParam("page", lastPossible)
                .queryParam("per_page", 100).when().get("/v1/sequences-contacts")
                .then().statusCode(200).body("success", equalTo(true)).body("data", empty())
                .body("meta.current_page", equalTo(lastPossible)).body("meta.per_page", equalTo(100))
                .body("meta.last_page", equalTo(1)).body("meta.total", equalTo(1));
        Platform.as(account).queryParam("page", 2).when().get("/v1/sequences")
                .then().statusCode(200).body("data", empty()).body("meta.current_page", equalTo(2));

        Platform.as(account).queryParam("page", 1L + Integer.MAX_VALUE).when().get("/v1/sequences")
                .then().statusCode(422).body("error.details", hasKey("page"));
    }

    @Test
    void anotherAccountsIdsAreAnsweredExactlyLikeMissingOnes() {
        Platform.Account stranger = Platform.newAccount("Stranger");
        String before = snapshot();

        for (String path : new String[]{"/v1/sequence?sequence_id=", "/v1/sequences-contacts?sequence_id="}) {
            String foreign = Platform.as(stranger).when().get(path + sequenceId).then().statusCode(404).extract()
                    .asString();
            String missing = Platform.as(stranger).when().get(path + 987654321L).then().statusCode(404).extract()
                    .asString();
            assertThat(foreign).isEqualTo(missing);
        }
        String[][] commands = {
                {"DELETE", "/v1/sequence", "{\"sequence_id\": %d}"},
                {"POST", "/v1/sequence-stage", "{\"sequence_id\": %d}"},
        };
        for (String[] command : commands) {
            String foreign = Platform.as(stranger).contentType(ContentType.JSON)
                    .body(command[2].formatted(sequenceId)).when().request(command[0], command[1])
                    .then().statusCode(404).extract().asString();
            String missing = Platform.as(stranger).contentType(ContentType.JSON)
                    .body(command[2].formatted(987654321L)).when().request(command[0], command[1])
                    .then().statusCode(404).extract().asString();
            assertThat(foreign).isEqualTo(missing);
        }
        Platform.as(stranger).contentType(ContentType.JSON).body("{\"stage_id\": " + emailStageId + "}")
                .when().delete("/v1/sequence-stage").then().statusCode(404);
        Platform.as(stranger).contentType(ContentType.JSON)
                .body("{\"stage_id\": " + emailStageId + ", \"html\": \"<p>mine now</p>\"}")
                .when().put("/v1/sequence-stage-content").then().statusCode(404)
                .body("error.message", equalTo("Stage not found."));
        long contactId = ((Number) Platform.as(account).queryParam("sequence_id", sequenceId)
                .when().get("/v1/sequences-contacts").then().extract().path("data[0].id")).longValue();
        Platform.as(stranger).queryParam("contact_id", contactId).when().get("/v1/contacts-sequences")
                .then().statusCode(404);

        assertThat(snapshot()).isEqualTo(before);
    }

    /** Raw HTTP to the gateway under test. */
    private static RawHttp gateway() {
        return new RawHttp(java.net.URI.create(Platform.get().gatewayUrl()).getPort());
    }
}
