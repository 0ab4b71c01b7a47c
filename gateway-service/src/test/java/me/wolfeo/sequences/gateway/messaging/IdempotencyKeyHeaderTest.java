package me.wolfeo.sequences.gateway.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

import me.wolfeo.sequences.gateway.TestAccounts;
import me.wolfeo.sequences.local.testing.RawHttp;

/**
 * An Idempotency-Key, when sent, is 1 to 255 characters that are not all blank: an empty or blank one is refused
 * (it would otherwise be taken for no key, and a retry would apply the command twice), in both dialects.
 */
@QuarkusTest
class IdempotencyKeyHeaderTest {

    private static RawHttp.Response createWithKey(String bearer, String key) throws Exception {
        return gateway().request("POST /v1/sequence HTTP/1.1",
                Map.of("Authorization", bearer, "Content-Type", "application/json", "Idempotency-Key", key),
                "{\"name\": \"Keyed\"}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anEmptyOrBlankIdempotencyKeyIsRefusedInTheRestDialect() throws Exception {
        String bearer = TestAccounts.create("Empty key").bearer();
        for (String key : new String[]{"", "   "}) {
            RawHttp.Response response = createWithKey(bearer, key);

            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(JsonPath.from(response.body()).getString("error.code")).isEqualTo("INVALID_IDEMPOTENCY_KEY");
        }
    }

    @Test
    void anEmptyIdempotencyKeyIsRefusedInTheWebhookDialect() throws Exception {
        String token = TestAccounts.create("Empty webhook key").token();
        RawHttp.Response response = gateway().request("POST /api/v1/webhook/sequence-enroll HTTP/1.1",
                Map.of("Content-Type", "application/json", "Idempotency-Key", ""),
                ("{\"api_token\": \"" + token + "\", \"sequence_id\": 1, \"source\": \"hubspot\", \"id\": 1}")
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(JsonPath.from(response.body()).getString("message")).startsWith("The Idempotency-Key header");
        assertThat(JsonPath.from(response.body()).getMap("$")).doesNotContainKey("success");
    }

    /** Raw HTTP to the gateway under test. */
    private static RawHttp gateway() {
        return new RawHttp(RestAssured.port);
    }
}
