package me.wolfeo.sequences.gateway.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import me.wolfeo.sequences.gateway.TestAccounts;

/**
 * The web dashboard is served at the gateway's root without a token, under a strict Content-Security-Policy;
 * the API routes stay as they were: refused without a token, and without the dashboard's headers.
 */
@QuarkusTest
class DashboardResourcesTest {

    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Test
    void theRootServesTheDashboardWithoutATokenUnderItsSecurityHeaders() {
        for (String path : new String[]{"/", "/index.html"}) {
            given().when().get(path)
                    .then().statusCode(200)
                    .contentType(containsString("text/html"))
                    .header("Content-Security-Policy", equalTo(CSP))
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("Referrer-Policy", equalTo("no-referrer"))
                    .header("X-Frame-Options", equalTo("DENY"))
                    .body(containsString("<script type=\"module\" src=\"app/main.js\"></script>"))
                    // No inline script or style, no inline handler, no third-party origin.
                    .body(not(containsString("<script>")))
                    .body(not(containsString("<style")))
                    .body(not(containsString(" onclick=")))
                    .body(not(containsString("https://")));
        }
    }

    @Test
    void theScriptsAndTheStylesheetAreServedWithoutATokenUnderTheSameHeaders() {
        for (String path : new String[]{"/app/main.js", "/app/api.js", "/app/forms.js", "/app/app.css"}) {
            given().when().get(path)
                    .then().statusCode(200)
                    .header("Content-Security-Policy", equalTo(CSP))
                    .header("X-Content-Type-Options", equalTo("nosniff"));
        }
        given().when().get("/app/main.js").then().contentType(containsString("javascript"));
        given().when().get("/app/app.css").then().contentType(containsString("text/css"));
    }

    @Test
    void noScriptOfTheDashboardWritesHtml() {
        for (String path : new String[]{"/app/main.js", "/app/dom.js", "/app/forms.js", "/app/signin.js",
                "/app/sequences.js", "/app/sequence.js", "/app/editors.js", "/app/contacts.js", "/app/search.js"}) {
            given().when().get(path)
                    .then().statusCode(200)
                    .body(not(containsString("innerHTML")))
                    .body(not(containsString("outerHTML")))
                    .body(not(containsString("insertAdjacentHTML")))
                    .body(not(containsString("document.write")))
                    .body(not(containsString("eval(")));
        }
    }

    @Test
    void theApiRoutesStillNeedATokenAndDoNotCarryTheDashboardsHeaders() {
        given().when().get("/v1/sequences")
                .then().statusCode(401)
                .body("error.code", equalTo("UNAUTHENTICATED"))
                .header("Content-Security-Policy", nullValue());
        // With a token the route is let through (its services do not run in this module's tests: 503).
        given().header("Authorization", TestAccounts.create("Dashboard").bearer())
                .when().get("/v1/sequences")
                .then().statusCode(not(equalTo(401)))
                .header("Content-Security-Policy", nullValue());
    }
}
