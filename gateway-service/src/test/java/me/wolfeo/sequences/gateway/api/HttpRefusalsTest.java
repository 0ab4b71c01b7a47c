package me.wolfeo.sequences.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

import me.wolfeo.sequences.gateway.TestAccounts;
import me.wolfeo.sequences.local.testing.RawHttp;

/**
 * What the HTTP server refuses before the API's code sees the request (a body too large, however it is sent;
 * headers or a request target too long; a percent-encoding that cannot be decoded) is answered like any other
 * refusal: JSON, in the dialect of the path.
 */
@QuarkusTest
class HttpRefusalsTest {

    private static final String ENROLL = "/api/v1/webhook/sequence-enroll";

    private String bearer;

    @BeforeEach
    void account() {
        bearer = TestAccounts.create("Hostile").bearer();
    }

    private static byte[] nameOfMegabytes(int megabytes) {
        return ("{\"name\": \"" + "x".repeat(megabytes * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static void assertRest(RawHttp.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().get("content-type")).startsWith("application/json");
        assertThat(JsonPath.from(response.body()).getBoolean("success")).isFalse();
        assertThat(JsonPath.from(response.body()).getString("error.code")).isEqualTo(code);
        assertThat(JsonPath.from(response.body()).getString("error.message")).isNotBlank();
    }

    private static void assertWebhook(RawHttp.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().get("content-type")).startsWith("application/json");
        assertThat(JsonPath.from(response.body()).getString("message")).isNotBlank();
        assertThat(JsonPath.from(response.body()).getMap("$")).doesNotContainKey("success");
    }

    @Test
    void aBodyOverTheLimitSentWithoutItsSizeIsRefusedInTheRestDialect() throws Exception {
        RawHttp.Response response = gateway().chunked("POST /v1/sequence HTTP/1.1",
                Map.of("Authorization", bearer, "Content-Type", "application/json"), nameOfMegabytes(5));

        assertRest(response, 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void aBodyOverTheLimitSentWithoutItsSizeIsRefusedInTheWebhookDialect() throws Exception {
        RawHttp.Response response = gateway().chunked("POST " + ENROLL + " HTTP/1.1",
                Map.of("Content-Type", "application/json"), nameOfMegabytes(5));

        assertWebhook(response, 413);
    }

    @Test
    void aBodyDeclaredLargerThanTheServersOwnStopIsRefusedInTheDialectOfThePath() throws Exception {
        assertRest(gateway().request("POST /v1/sequence HTTP/1.1",
                Map.of("Authorization", bearer, "Content-Type", "application/json"), nameOfMegabytes(5)),
                413, "PAYLOAD_TOO_LARGE");
        assertWebhook(gateway().request("POST " + ENROLL + " HTTP/1.1",
                Map.of("Content-Type", "application/json"), nameOfMegabytes(5)), 413);
    }

    @Test
    void aSmallBodySentWithoutItsSizeIsReadAsUsual() throws Exception {
        RawHttp.Response response = gateway().chunked("POST /v1/sequence HTTP/1.1",
                Map.of("Authorization", bearer, "Content-Type", "application/json"),
                "{\"name\": 42}".getBytes(StandardCharsets.UTF_8));

        assertRest(response, 422, "VALIDATION_ERROR");
        assertThat(JsonPath.from(response.body()).getMap("error.details")).containsKey("name");
    }

    @Test
    void headersOverTheLimitAreRefusedInTheDialectOfThePath() throws Exception {
        String hugeKey = "k".repeat(100_000);
        assertRest(gateway().request("POST /v1/sequence HTTP/1.1",
                Map.of("Authorization", bearer, "Idempotency-Key", hugeKey, "Content-Type", "application/json"),
                "{\"name\": \"x\"}".getBytes(StandardCharsets.UTF_8)), 431, "HEADERS_TOO_LARGE");
        assertWebhook(gateway().request("POST " + ENROLL + " HTTP/1.1",
                Map.of("Idempotency-Key", hugeKey, "Content-Type", "application/json"),
                "{}".getBytes(StandardCharsets.UTF_8)), 431);
    }

    @Test
    void aRequestTargetOverTheLimitIsRefusedInTheDialectOfThePath() throws Exception {
        String longQuery = "?padding=" + "q".repeat(20_000);
        assertRest(gateway().request("GET /v1/sequences" + longQuery + " HTTP/1.1", Map.of("Authorization", bearer),
                new byte[0]), 414, "URI_TOO_LONG");
        assertWebhook(gateway().request("POST " + ENROLL + longQuery + " HTTP/1.1",
                Map.of("Content-Type", "application/json"), "{}".getBytes(StandardCharsets.UTF_8)), 414);
    }

    @Test
    void aPercentEncodingThatCannotBeDecodedIsABadRequestInTheDialectOfThePath() throws Exception {
        assertRest(gateway().request("GET /v1/sequence?sequence_id=%zz HTTP/1.1", Map.of("Authorization", bearer),
                new byte[0]), 400, "BAD_REQUEST");
        assertRest(gateway().request("GET /v1/seq%zzuence?sequence_id=1 HTTP/1.1", Map.of("Authorization", bearer),
                new byte[0]), 400, "BAD_REQUEST");
        assertWebhook(gateway().request("POST " + ENROLL + "?source=%zz HTTP/1.1",
                Map.of("Content-Type", "application/json"), "{}".getBytes(StandardCharsets.UTF_8)), 400);
    }

    /** Raw HTTP to the gateway under test. */
    private static RawHttp gateway() {
        return new RawHttp(RestAssured.port);
    }
}
