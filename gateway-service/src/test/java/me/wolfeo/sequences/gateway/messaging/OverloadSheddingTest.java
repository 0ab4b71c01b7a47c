package me.wolfeo.sequences.gateway.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import me.wolfeo.sequences.gateway.TestAccounts;

/**
 * With as many commands in flight as the gateway takes (two here; no service answers in this module, so each stays
 * in flight until its 3 s timeout), the next request is shed at once with 503 and {@code Retry-After}, in each
 * dialect, and nothing of it is sent; once the commands in flight end, requests are admitted again.
 */
@QuarkusTest
@TestProfile(OverloadSheddingTest.TwoInFlight.class)
class OverloadSheddingTest {

    public static class TwoInFlight implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.limits.max-commands-in-flight", "2");
        }
    }

    @Inject
    CommandAdmission admission;

    private static int createSequence(String bearer) {
        return given().header("Authorization", bearer).contentType(ContentType.JSON)
                .body("{\"name\": \"In flight\"}").when().post("/v1/sequence").then().extract().statusCode();
    }

    @Test
    void aRequestPastTheCommandsInFlightIsShedAtOnceInEachDialectAndAdmittedAgainOnceTheyEnd() {
        TestAccounts.Created account = TestAccounts.create("Overloaded");
        List<CompletableFuture<Integer>> waiting = IntStream.range(0, 2)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> createSequence(account.bearer()))).toList();
        Awaitility.await().until(() -> admission.inFlight() == 2);

        long started = System.nanoTime();
        given().header("Authorization", account.bearer()).contentType(ContentType.JSON)
                .body("{\"name\": \"Shed\"}")
                .when().post("/v1/sequence")
                .then().statusCode(503)
                .header("Retry-After", "1")
                .body("success", equalTo(false))
                .body("error.code", equalTo("SERVICE_UNAVAILABLE"))
                .body("error.message", equalTo("The platform is at capacity; please retry after 1 second."));
        given().contentType(ContentType.JSON)
                .body(Map.of("api_token", account.token(), "sequence_id", 1, "source", "hubspot", "id", "shed-1"))
                .when().post("/api/v1/webhook/sequence-enroll")
                .then().statusCode(503)
                .header("Retry-After", "1")
                .body("message", equalTo("The platform is at capacity; please retry after 1 second."));
        assertThat((System.nanoTime() - started) / 1_000_000).as("shed at once, not after a wait").isLessThan(2_000);
        assertThat(admission.inFlight()).isEqualTo(2);

        assertThat(waiting).allSatisfy(request -> assertThat(request.join()).isEqualTo(504));
        assertThat(admission.inFlight()).isZero();
        assertThat(createSequence(account.bearer())).as("admitted again, then timed out as usual").isEqualTo(504);
    }
}
