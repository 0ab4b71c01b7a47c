package me.wolfeo.sequences.gateway.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import me.wolfeo.sequences.local.LocalServers;

/**
 * While the gateway's database cannot be reached (a PostgreSQL restart, say), a request whose token must be looked
 * up is answered 503 SERVICE_UNAVAILABLE in its dialect, never 500; the gateway is not ready meanwhile. Here the
 * gateway's database is a port where nothing listens; Kafka is the shared test broker.
 */
@QuarkusTest
@TestProfile(DatabaseUnavailableTest.DatabaseDown.class)
class DatabaseUnavailableTest {

    public static class DatabaseDown implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of(
                    "kafka.bootstrap.servers", LocalServers.shared().kafkaBootstrapServers(),
                    "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + port + "/gateway",
                    "quarkus.datasource.username", "postgres",
                    "quarkus.datasource.jdbc.acquisition-timeout", "2s",
                    "quarkus.flyway.migrate-at-start", "false",
                    "quarkus.flyway.clean-at-start", "false",
                    "quarkus.hibernate-orm.schema-management.strategy", "none");
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Test
    void aRestRequestIsAnsweredServiceUnavailableInTheRestDialect() {
        given().header("Authorization", "Bearer sq_whatever-the-database-says").when().get("/v1/sequences")
                .then().statusCode(503)
                .body("success", equalTo(false))
                .body("error.code", equalTo("SERVICE_UNAVAILABLE"))
                .body("error.message", equalTo(DatabaseUnavailableMapper.MESSAGE));
    }

    @Test
    void aWebhookIsAnsweredServiceUnavailableInTheWebhookDialect() {
        given().contentType(ContentType.JSON)
                .body("{\"api_token\": \"sq_whatever-the-database-says\", \"sequence_id\": 1, "
                        + "\"source\": \"hubspot\", \"id\": \"1\"}")
                .when().post("/api/v1/webhook/sequence-enroll")
                .then().statusCode(503)
                .body("message", equalTo(DatabaseUnavailableMapper.MESSAGE))
                .body("$", not(hasKey("success")));
    }

    @Test
    void theGatewayIsNotReadyMeanwhile() {
        given().when().get("/q/health/ready").then().statusCode(503);
    }
}
