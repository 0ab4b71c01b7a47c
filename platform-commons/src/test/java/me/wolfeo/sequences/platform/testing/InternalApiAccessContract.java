package me.wolfeo.sequences.platform.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * What holds for a service's internal API: a call needs the token of a caller the service accepts, every route of
 * the service (one added later included) refuses an anonymous call, and every route answers a caller. A service's
 * {@code @QuarkusTest} extends it.
 */
public abstract class InternalApiAccessContract {

    /** The service's root package: its resource classes, and its tests' stand-ins of other services, are in it. */
    protected abstract String servicePackage();

    /** A caller the service accepts. */
    protected abstract String caller();

    /** A route that answers the caller 200 (prepared by the test's {@code @BeforeEach} when it needs data). */
    protected abstract String routeAnswering200();

    @Test
    void aCallWithoutATokenIsRefusedWithTheChallengeAndAJsonBody() {
        given().when().get(routeAnswering200())
                .then().statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .contentType("application/json")
                .body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void aCallWithAnUnknownTokenIsRefused() {
        given().header("Authorization", "Bearer not-a-token-of-any-caller")
                .when().get(routeAnswering200())
                .then().statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void anotherCallersTokenWithOneCharacterChangedIsRefused() {
        String token = InternalCallers.bearer(caller());
        String altered = token.substring(0, token.length() - 1) + (token.endsWith("x") ? "y" : "x");
        given().header("Authorization", altered).when().get(routeAnswering200()).then().statusCode(401);
    }

    @Test
    void credentialsOfAnotherSchemeAreRefused() {
        given().header("Authorization", "Basic Z2F0ZXdheTpzZWNyZXQ=")
                .when().get(routeAnswering200())
                .then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void aCallerWithItsTokenIsAnswered() {
        given().header("Authorization", InternalCallers.bearer(caller()))
                .when().get(routeAnswering200())
                .then().statusCode(200);
    }

    @Test
    void everyRouteRefusesAnAnonymousCall() {
        List<JaxRsRoutes.Route> routes = JaxRsRoutes.ofModule(servicePackage());
        assertThat(routes).as("the service's routes").isNotEmpty();
        for (JaxRsRoutes.Route route : routes) {
            Response answer = request(given(), route);
            assertThat(answer.statusCode()).as("anonymous " + route).isEqualTo(401);
        }
    }

    @Test
    void everyRouteAnswersACaller() {
        for (JaxRsRoutes.Route route : JaxRsRoutes.ofModule(servicePackage())) {
            Response answer = request(given().header("Authorization", InternalCallers.bearer(caller())), route);
            assertThat(answer.statusCode()).as(caller() + " on " + route).isNotIn(401, 403);
        }
    }

    /** The route called with a JSON body where it may take one: a body of the wrong type is refused before security. */
    private static Response request(RequestSpecification request, JaxRsRoutes.Route route) {
        if (List.of("POST", "PUT", "PATCH").contains(route.method())) {
            request = request.contentType("application/json").body("{}");
        }
        return request.when().request(route.method(), route.path());
    }

    @Test
    void healthChecksNeedNoToken() {
        given().when().get("/q/health/live").then().statusCode(200);
    }
}
