package me.wolfeo.sequences.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import me.wolfeo.sequences.local.LocalPlatform;

/**
 * The packaged services' internal APIs, with the tokens the local platform made at this start: each answers the
 * services that call it (as their REST clients do) and refuses every other caller, and a call without a token.
 */
class InternalApiAccessTest {

    private static final List<String> CALLERS = List.of("gateway", "sequence-service", "enrollment-service",
            "content-service");
    /** A route of each service's internal API. */
    private static final Map<String, String> ROUTE = Map.of(
            "sequence-service", "/internal/v1/accounts/1/sequences",
            "enrollment-service", "/internal/v1/clock",
            "content-service", "/internal/v1/accounts/1/stages/1/email-message");
    /** The callers each service accepts: the services whose REST clients read its API. */
    private static final Map<String, List<String>> ACCEPTED = Map.of(
            "sequence-service", List.of("gateway", "enrollment-service", "content-service"),
            "enrollment-service", List.of("gateway"),
            "content-service", List.of("gateway", "sequence-service", "enrollment-service"));

    private final LocalPlatform platform = Platform.get();

    @Test
    void eachServiceAnswersExactlyTheServicesThatCallIt() {
        ROUTE.forEach((service, route) -> {
            for (String caller : CALLERS) {
                int status = given().baseUri(platform.serviceUrl(service))
                        .header("Authorization", "Bearer " + platform.internalToken(caller))
                        .when().get(route).statusCode();
                if (ACCEPTED.get(service).contains(caller)) {
                    assertThat(status).as(caller + " on " + service).isNotIn(401, 403);
                } else {
                    assertThat(status).as(caller + " on " + service).isEqualTo(401);
                }
            }
        });
    }

    @Test
    void aCallWithoutATokenIsRefusedAndHealthStaysOpen() {
        ROUTE.forEach((service, route) -> {
            assertThat(given().baseUri(platform.serviceUrl(service)).when().get(route).statusCode())
                    .as("anonymous on " + service).isEqualTo(401);
            assertThat(given().baseUri(platform.serviceUrl(service)).when().get("/q/health/ready").statusCode())
                    .as(service + " readiness").isEqualTo(200);
        });
    }
}
