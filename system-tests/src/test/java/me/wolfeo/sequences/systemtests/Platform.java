package me.wolfeo.sequences.systemtests;

import static io.restassured.RestAssured.given;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import me.wolfeo.sequences.local.LocalPlatform;
import me.wolfeo.sequences.local.ProjectRoot;

/**
 * The platform under test: started once per test JVM, exactly as the README's run command starts it (real Kafka,
 * PostgreSQL and S3, the four packaged services), on free ports, from empty databases; stopped when the JVM exits.
 */
public final class Platform {

    private static LocalPlatform platform;

    private Platform() {
    }

    public static synchronized LocalPlatform get() {
        if (platform == null) {
            Path root = ProjectRoot.find();
            // The engine's clock is moved by the tests (never in production): see advanceClock.
            LocalPlatform.Options options = LocalPlatform.Options.isolated(root,
                    root.resolve("system-tests/target/platform"), "system_test_")
                    .withEnvironment(Map.of("ENROLLMENT_ENGINE_ADJUSTABLE_CLOCK", "true"));
            try {
                platform = LocalPlatform.startFresh(options);
            } catch (Exception e) {
                throw new IllegalStateException("The platform did not start: " + e.getMessage(), e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "platform-stop"));
        }
        return platform;
    }

    /**
     * Moves enrollment-service's clock forward, so that steps due later run now. A restarted enrollment-service
     * starts again on the system clock.
     */
    public static void advanceClock(Duration by) {
        enrollmentService().contentType(ContentType.JSON)
                .body("{\"seconds\": " + by.toSeconds() + "}")
                .when().post("/internal/v1/clock/advance")
                .then().statusCode(200);
    }

    /** enrollment-service's clock now, in UTC, to the second (as the API shows instants). */
    public static java.time.LocalDateTime clockNow() {
        String now = enrollmentService()
                .when().get("/internal/v1/clock")
                .then().statusCode(200).extract().path("now");
        return java.time.LocalDateTime.ofInstant(java.time.Instant.parse(now), java.time.ZoneOffset.UTC);
    }

    /** A request to enrollment-service's internal API, as the gateway makes it (with its service token). */
    private static RequestSpecification enrollmentService() {
        return given().baseUri(get().serviceUrl("enrollment-service"))
                .header("Authorization", "Bearer " + get().internalToken("gateway"));
    }

    /** A request to the gateway, as an API client without a token. */
    public static RequestSpecification anonymous() {
        return given().baseUri(get().gatewayUrl());
    }

    /** A request to the gateway with this account's token. */
    public static RequestSpecification as(Account account) {
        return anonymous().header("Authorization", "Bearer " + account.token());
    }

    /** A new account with a first token, created through the admin API. */
    public static Account newAccount(String name) {
        JsonPath answer = anonymous().header("X-Admin-Key", get().adminKey()).contentType(ContentType.JSON)
                .body("{\"name\": \"" + name + "\"}")
                .when().post("/admin/v1/accounts")
                .then().statusCode(201).extract().jsonPath();
        return new Account(answer.getLong("data.id"), answer.getLong("data.token.id"),
                answer.getString("data.token.token"));
    }

    /** An account of the platform under test and its API token. */
    public record Account(long id, long tokenId, String token) {
    }
}
