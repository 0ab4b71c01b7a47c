package me.wolfeo.sequences.gateway.openapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.ValidationMessage;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import me.wolfeo.sequences.gateway.TestAccounts;
import me.wolfeo.sequences.gateway.api.Dialect;
import me.wolfeo.sequences.gateway.security.ApiRoles;

/**
 * The API document at /q/openapi describes the gateway as it is: (1) every route of the resource classes, read by
 * reflection, is in it with its path and header parameters, its body and its security, and nothing else is (the
 * hidden, internal routes excepted); every refusal it declares is in the dialect of its path; (2) real answers of
 * the running gateway, success and refusal, in both dialects and the admin API, validate against the schema the
 * document declares for their operation and status (JSON Schema 2020-12), and every documented operation has had
 * a success answer validated. The services are stand-ins ({@link ServiceStandIns}); the gateway's answers are its
 * own.
 */
@QuarkusTest
@TestProfile(OpenApiDocumentTest.StandInServices.class)
class OpenApiDocumentTest {

    private static HttpServer reads;

    /**
     * The stand-in's port, chosen once per JVM: a system property, because the profile and the test instance are
     * loaded by different class loaders.
     */
    static int readsPort() {
        synchronized (System.class) {
            String port = System.getProperty("openapi-test.reads-port");
            if (port == null) {
                port = Integer.toString(ServiceStandIns.freePort());
                System.setProperty("openapi-test.reads-port", port);
            }
            return Integer.parseInt(port);
        }
    }

    /** The gateway reads from the stand-in of the services' internal APIs. */
    public static class StandInServices implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            String url = "http://127.0.0.1:" + readsPort();
            return Map.of("quarkus.rest-client.sequence-service.url", url,
                    "quarkus.rest-client.enrollment-service.url", url,
                    "quarkus.rest-client.content-service.url", url);
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void startReads() throws Exception {
        reads = ServiceStandIns.internalReads(readsPort());
    }

    @AfterAll
    static void stopReads() {
        reads.stop(0);
    }

    private ApiDocument document() throws Exception {
        String body = given().accept(ContentType.JSON).when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString();
        return new ApiDocument(json.readTree(body));
    }

    @Test
    void theDocumentAndSwaggerUiAreServed() throws Exception {
        ApiDocument document = document();
        assertThat(document.root().path("openapi").asText()).startsWith("3.1");
        assertThat(document.root().at("/components/securitySchemes/bearerToken/scheme").asText()).isEqualTo("bearer");
        assertThat(document.root().at("/components/securitySchemes/adminKey/name").asText()).isEqualTo("X-Admin-Key");
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void everyRouteOfTheCodeIsDocumentedAndNothingElse() throws Exception {
        ApiDocument document = document();
        List<ResourceRoutes.Route> routes = ResourceRoutes.ofGateway();
        assertThat(routes).as("routes found in the resource classes").hasSizeGreaterThan(20);
        Set<String> publicRoutes = routes.stream().filter(r -> !r.hidden()).map(ResourceRoutes.Route::toString)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> hiddenRoutes = routes.stream().filter(ResourceRoutes.Route::hidden)
                .map(ResourceRoutes.Route::toString).collect(Collectors.toSet());
        assertThat(hiddenRoutes).as("internal routes").contains("POST /v1/benchmark/echo");
        assertThat(document.operations()).as("the document's operations").isEqualTo(publicRoutes);

        for (ResourceRoutes.Route route : routes) {
            if (route.hidden()) {
                continue;
            }
            JsonNode operation = document.operation(route.method(), route.path());
            assertThat(document.parameters(operation, "path")).as("path parameters of %s", route)
                    .isEqualTo(route.pathParameters());
            assertThat(document.parameters(operation, "header")).as("header parameters of %s", route)
                    .isEqualTo(route.headerParameters());
            assertThat(operation.has("requestBody")).as("a body for %s", route).isEqualTo(route.readsBody());
            assertSecurity(document, route, operation);
            assertRefusalsInTheDialectOfThePath(document, route, operation);
        }
    }

    private static void assertSecurity(ApiDocument document, ResourceRoutes.Route route, JsonNode operation) {
        JsonNode security = operation.path("security");
        switch (route.roles()) {
            case ApiRoles.ACCOUNT -> assertThat(security.toString()).as("security of %s", route)
                    .isEqualTo("[{\"bearerToken\":[]}]");
            case ApiRoles.ADMIN -> assertThat(security.toString()).as("security of %s", route)
                    .isEqualTo("[{\"adminKey\":[]}]");
            case "permit-all" -> {
                // The webhooks: no header credentials; the token is the body's api_token, said in the description.
                assertThat(security.toString()).as("security of %s", route).isEqualTo("[]");
                JsonNode body = document.resolve(operation.at("/requestBody/content/application~1json/schema"));
                assertThat(body.path("required").toString()).as("body of %s", route).contains("\"api_token\"");
                assertThat(operation.path("description").asText()).as("description of %s", route)
                        .contains("api_token");
            }
            default -> throw new AssertionError(route + " declares no caller: " + route.roles());
        }
    }

    private static void assertRefusalsInTheDialectOfThePath(ApiDocument document, ResourceRoutes.Route route,
            JsonNode operation) {
        String envelope = Dialect.ofPath(route.path()) == Dialect.WEBHOOK
                ? "#/components/schemas/WebhookError"
                : "#/components/schemas/RestError";
        JsonNode responses = operation.path("responses");
        assertThat(responses.has("401")).as("%s documents its 401", route).isTrue();
        assertThat(responses.has("default")).as("%s documents its other refusals", route).isTrue();
        responses.fields().forEachRemaining(response -> {
            if (response.getKey().startsWith("2")) {
                return;
            }
            JsonNode schema = document.resolve(response.getValue()).at("/content/application~1json/schema");
            assertThat(schema.path("$ref").asText()).as("%s answer %s", route, response.getKey())
                    .isEqualTo(envelope);
        });
    }

    /** One real exchange: the request's operation in the document, and the gateway's answer. */
    private record Exchange(String method, String pathTemplate, int status, String body) {
    }

    @Test
    void realAnswersValidateAgainstTheDocumentsSchemas() throws Exception {
        ApiDocument document = document();
        List<Exchange> exchanges = new ArrayList<>();
        TestAccounts.Created account = TestAccounts.create("OpenAPI");
        try (ServiceStandIns.CommandResponder responder = new ServiceStandIns.CommandResponder(bootstrapServers)) {
            restDialect(account, exchanges);
            webhooks(account, exchanges);
            rateLimits(exchanges);
        }
        adminApi(exchanges);

        List<String> failures = new ArrayList<>();
        for (Exchange exchange : exchanges) {
            String pointer = document.operations().contains(exchange.method() + " " + exchange.pathTemplate())
                    ? document.responseSchemaPointer(exchange.method(), exchange.pathTemplate(), exchange.status())
                    : refusalEnvelope(exchange); // a refusal of a route or method that does not exist
            Set<ValidationMessage> problems = document.validate(pointer, json.readTree(exchange.body()));
            if (!problems.isEmpty()) {
                failures.add(exchange + " against " + pointer + ": " + problems);
            }
        }
        assertThat(failures).as("answers that do not validate against the document").isEmpty();

        Set<String> succeeded = exchanges.stream().filter(e -> e.status() / 100 == 2)
                .map(e -> e.method() + " " + e.pathTemplate()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(succeeded).as("operations with a success answer validated").isEqualTo(document.operations());
        Set<Integer> refusals = exchanges.stream().map(Exchange::status).filter(s -> s >= 400)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(refusals).as("refusal statuses validated").contains(400, 401, 404, 422, 429, 503, 504);
    }

    @Test
    void anAnswerOffTheSchemaIsRefused() throws Exception {
        ApiDocument document = document();
        String created = document.responseSchemaPointer("POST", "/v1/sequence", 201);
        assertThat(document.validate(created, json.readTree(
                "{\"success\": true, \"data\": {\"id\": 12, \"name\": \"Welcome Series\", \"type\": \"normal\"}}")))
                .isEmpty();
        assertThat(document.validate(created, json.readTree(
                "{\"success\": true, \"data\": {\"id\": \"12\", \"name\": \"Welcome Series\", \"type\": \"normal\"}}")))
                .isNotEmpty();
        assertThat(document.validate(created, json.readTree(
                "{\"success\": true, \"data\": {\"id\": 12, \"name\": \"x\", \"type\": \"normal\", \"extra\": 1}}")))
                .isNotEmpty();
        String webhookRefusal = document.responseSchemaPointer("POST", "/api/v1/webhook/sequence-enroll", 401);
        assertThat(document.validate(webhookRefusal, json.readTree(
                "{\"success\": false, \"error\": {\"code\": \"UNAUTHENTICATED\", \"message\": \"x\", \"details\": {}}}")))
                .as("the REST envelope is not the webhooks'").isNotEmpty();
    }

    /** The document's refusal envelope of the dialect of the path. */
    private static String refusalEnvelope(Exchange exchange) {
        assertThat(exchange.status()).as("%s answers a refusal", exchange).isGreaterThanOrEqualTo(400);
        return Dialect.ofPath(exchange.pathTemplate()) == Dialect.WEBHOOK
                ? "/components/schemas/WebhookError"
                : "/components/schemas/RestError";
    }

    private void restDialect(TestAccounts.Created account, List<Exchange> exchanges) {
        Rest rest = new Rest(account, exchanges);
        rest.call("POST", "/v1/sequence", "/v1/sequence", "{\"name\": \"Welcome Series\", \"type\": \"normal\"}");
        rest.call("GET", "/v1/sequences", "/v1/sequences", null);
        rest.call("GET", "/v1/sequence?sequence_id=1", "/v1/sequence", null);
        rest.call("PUT", "/v1/sequence", "/v1/sequence", "{\"sequence_id\": 1, \"paused\": true}");
        rest.call("DELETE", "/v1/sequence", "/v1/sequence", "{\"sequence_id\": 12}");
        rest.call("POST", "/v1/sequence-stage", "/v1/sequence-stage", "{\"sequence_id\": 12, \"name\": \"Day 1 Email\","
                + " \"stage_type\": \"send_email\", \"time_value\": 1, \"time_type\": 86400}");
        rest.call("PUT", "/v1/sequence-stage", "/v1/sequence-stage", "{\"stage_id\": 1, \"active\": true}");
        rest.call("DELETE", "/v1/sequence-stage", "/v1/sequence-stage", "{\"stage_id\": 55}");
        rest.call("PUT", "/v1/sequence-stage-content", "/v1/sequence-stage-content",
                "{\"stage_id\": 55, \"html\": \"<p>Hello {{first_name}}</p>\", \"subject\": \"Welcome!\"}");
        rest.call("GET", "/v1/sequence-stage-content?stage_id=55", "/v1/sequence-stage-content", null);
        rest.call("PUT", "/v1/sequence-stage-sms", "/v1/sequence-stage-sms",
                "{\"stage_id\": 2, \"text\": \"Hi {{first_name|there}}, welcome aboard!\"}");
        rest.call("GET", "/v1/contacts-sequences?contact_id=1", "/v1/contacts-sequences", null);
        rest.call("GET", "/v1/sequences-contacts?sequence_id=1", "/v1/sequences-contacts", null);
        rest.call("GET", "/v1/sequences-contacts?sequence_id=1&include=progress", "/v1/sequences-contacts", null);
        rest.call("GET", "/v1/contact-sequence?contact_id=1&sequence_id=1", "/v1/contact-sequence", null);
        rest.call("PUT", "/v1/contact-sequence", "/v1/contact-sequence",
                "{\"contact_id\": 1, \"sequence_id\": 1, \"paused\": true}");
        rest.call("POST", "/v1/contact-activity", "/v1/contact-activity",
                "{\"source\": \"hubspot\", \"id\": \"demo-1\", \"type\": \"replied\", \"occurred_at\": \"2026-11-23T12:00:00Z\"}");
        rest.call("PUT", "/v1/contact", "/v1/contact",
                "{\"contact_id\": 1, \"opted_out\": false, \"timezone\": \"Europe/Dublin\"}");
        // Refusals.
        rest.expect(422).call("POST", "/v1/sequence", "/v1/sequence", "{}");
        rest.expect(400).call("POST", "/v1/sequence", "/v1/sequence", "{\"name\": ");
        rest.expect(404).call("GET", "/v1/sequence?sequence_id=" + ServiceStandIns.MISSING_SEQUENCE, "/v1/sequence",
                null);
        rest.expect(503).call("GET", "/v1/sequence?sequence_id=" + ServiceStandIns.FAILING_SEQUENCE, "/v1/sequence",
                null);
        rest.expect(504).call("POST", "/v1/sequence", "/v1/sequence",
                "{\"name\": \"" + ServiceStandIns.NEVER_ANSWERED + "\"}");
        rest.expect(422).call("GET", "/v1/contacts-sequences", "/v1/contacts-sequences", null);
        rest.expect(422).call("GET", "/v1/sequence-stage-content", "/v1/sequence-stage-content", null);
        rest.expect(405).call("PATCH", "/v1/sequence", "/v1/sequence", "{}");
        rest.expect(404).call("GET", "/v1/no-such-route", "/v1/no-such-route", null);
        exchanges.add(exchange("GET", "/v1/sequences", given(), "/v1/sequences", null, 401));
    }

    private void webhooks(TestAccounts.Created account, List<Exchange> exchanges) {
        String enroll = "/api/v1/webhook/sequence-enroll";
        String disenroll = "/api/v1/webhook/sequence-disenroll";
        String token = account.token();
        exchanges.add(webhook(enroll, "{\"api_token\": \"" + token + "\", \"sequence_id\": \"4567\", "
                + "\"force_enroll\": true, \"source\": \"aloware\", \"id\": 142231}", 200));
        exchanges.add(webhook(enroll, "{\"api_token\": \"" + token + "\", \"sequence_id\": \"4567\", "
                + "\"source\": \"hubspot\", \"id\": \"" + ServiceStandIns.ENROLLED_CONTACT + "\"}", 400));
        exchanges.add(webhook(enroll, "{\"api_token\": \"740A6C4E\", \"sequence_id\": \"4567\", "
                + "\"force_enroll\": true, \"source\": \"hubspot\", \"id\": 311, \"phone_number\": \"8181234567\"}",
                401));
        exchanges.add(webhook(enroll, "{\"api_token\": \"" + token + "\", \"sequence_id\": \"4567\"}", 422));
        exchanges.add(webhook(disenroll, "{\"api_token\": \"" + token + "\", \"source\": \"aloware\", "
                + "\"id\": 142231}", 200));
        exchanges.add(webhook(disenroll, "{\"api_token\": \"" + token + "\", \"source\": \"hubspot\", "
                + "\"id\": \"" + ServiceStandIns.UNKNOWN_CONTACT + "\"}", 404));
        exchanges.add(webhook(disenroll, "{\"api_token\": ", 400));
        exchanges.add(webhook("/api/v1/webhook/no-such-hook", "{}", 404));
    }

    /** An account allowed one request a minute on each dialect: its second request is 429. */
    private void rateLimits(List<Exchange> exchanges) {
        TestAccounts.Created limited = TestAccounts.create("OpenAPI limited");
        RequestSpecification admin = given().header("X-Admin-Key", TestAccounts.ADMIN_KEY)
                .contentType(ContentType.JSON);
        exchanges.add(exchange("PUT", "/admin/v1/accounts/" + limited.accountId() + "/rate-limits", admin,
                "/admin/v1/accounts/{accountId}/rate-limits",
                "{\"rest_requests_per_minute\": 1, \"webhook_requests_per_minute\": 1}", 200));
        Rest rest = new Rest(limited, exchanges);
        rest.call("GET", "/v1/sequences", "/v1/sequences", null);
        rest.expect(429).call("GET", "/v1/sequences", "/v1/sequences", null);
        String body = "{\"api_token\": \"" + limited.token() + "\", \"source\": \"aloware\", \"id\": 1}";
        exchanges.add(webhook("/api/v1/webhook/sequence-disenroll", body, 200));
        exchanges.add(webhook("/api/v1/webhook/sequence-disenroll", body, 429));
    }

    private void adminApi(List<Exchange> exchanges) {
        RequestSpecification admin = given().header("X-Admin-Key", TestAccounts.ADMIN_KEY)
                .contentType(ContentType.JSON);
        Exchange created = exchange("POST", "/admin/v1/accounts", admin, "/admin/v1/accounts", "{\"name\": \"Acme\"}",
                201);
        exchanges.add(created);
        long accountId = io.restassured.path.json.JsonPath.from(created.body()).getLong("data.id");
        String account = "/admin/v1/accounts/" + accountId;
        Exchange token = exchange("POST", account + "/tokens", admin(), "/admin/v1/accounts/{accountId}/tokens", null,
                201);
        exchanges.add(token);
        long tokenId = io.restassured.path.json.JsonPath.from(token.body()).getLong("data.id");
        exchanges.add(exchange("DELETE", "/admin/v1/tokens/" + tokenId, admin(), "/admin/v1/tokens/{tokenId}", null,
                200));
        exchanges.add(exchange("DELETE", "/admin/v1/tokens/987654321", admin(), "/admin/v1/tokens/{tokenId}", null,
                404));
        String limits = "/admin/v1/accounts/{accountId}/sending-limits";
        exchanges.add(exchange("GET", account + "/sending-limits", admin(), limits, null, 200));
        exchanges.add(exchange("PUT", account + "/sending-limits", admin(), limits,
                "{\"emails_per_sender_per_day\": 500}", 200));
        exchanges.add(exchange("PUT", account + "/sending-limits", admin(), limits, "{}", 422));
        String rateLimits = "/admin/v1/accounts/{accountId}/rate-limits";
        exchanges.add(exchange("GET", account + "/rate-limits", admin(), rateLimits, null, 200));
        exchanges.add(exchange("PUT", account + "/rate-limits", admin(), rateLimits,
                "{\"rest_requests_per_minute\": 1200, \"webhook_requests_per_minute\": null}", 200));
        exchanges.add(exchange("GET", "/admin/v1/accounts/987654321/rate-limits", admin(), rateLimits, null, 404));
        exchanges.add(exchange("POST", "/admin/v1/accounts", given().header("X-Admin-Key", "wrong")
                .contentType(ContentType.JSON), "/admin/v1/accounts", "{\"name\": \"x\"}", 401));
        exchanges.add(exchange("POST", "/admin/v1/accounts", admin(), "/admin/v1/accounts", "[1]", 400));
    }

    private static RequestSpecification admin() {
        return given().header("X-Admin-Key", TestAccounts.ADMIN_KEY).contentType(ContentType.JSON);
    }

    private static Exchange webhook(String path, String body, int status) {
        return exchange("POST", path, given().contentType(ContentType.JSON).accept(ContentType.JSON), path, body,
                status);
    }

    /** Makes the request, checks its status and that it answers JSON, and keeps the answer to validate. */
    private static Exchange exchange(String method, String uri, RequestSpecification request, String pathTemplate,
            String body, int status) {
        if (body != null) {
            request = request.body(body);
        }
        Response answer = request.when().request(method, uri);
        answer.then().statusCode(status).contentType(ContentType.JSON);
        return new Exchange(method, pathTemplate, status, answer.asString());
    }

    /** The REST dialect with an account's token. */
    private static final class Rest {

        private final TestAccounts.Created account;
        private final List<Exchange> exchanges;
        private Integer expected;

        Rest(TestAccounts.Created account, List<Exchange> exchanges) {
            this.account = account;
            this.exchanges = exchanges;
        }

        Rest expect(int status) {
            expected = status;
            return this;
        }

        void call(String method, String uri, String pathTemplate, String body) {
            int status = expected != null
                    ? expected
                    : "POST".equals(method) && !pathTemplate.equals("/v1/contact-activity") ? 201 : 200;
            expected = null;
            RequestSpecification request = given().header("Authorization", account.bearer())
                    .contentType(ContentType.JSON);
            exchanges.add(exchange(method, uri, request, pathTemplate, body, status));
        }
    }
}
