package me.wolfeo.sequences.gateway.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import me.wolfeo.sequences.gateway.TestAccounts;
import me.wolfeo.sequences.platform.contract.Topics;
import me.wolfeo.sequences.platform.testing.ScrapedMetrics;

/**
 * /q/metrics after real requests: the HTTP server's timings by templated route (never a raw id) and status, the
 * reply listener's and the producer's Kafka meters, and the platform's outbox gauges.
 */
@QuarkusTest
class MetricsTest {

    private static final String RATE_LIMITS = "/admin/v1/accounts/{accountId}/rate-limits";

    @Test
    void httpServerTimingsAreByTemplatedRouteAndStatus() {
        TestAccounts.Created account = TestAccounts.create("Metrics");
        given().header("X-Admin-Key", TestAccounts.ADMIN_KEY)
                .when().get("/admin/v1/accounts/" + account.accountId() + "/rate-limits")
                .then().statusCode(200);
        given().contentType(ContentType.JSON).body("{}").when().post("/v1/sequence").then().statusCode(401);

        ScrapedMetrics metrics = ScrapedMetrics.scrape();

        assertThat(metrics.sum("http_server_requests_seconds_count", "method", "GET", "status", "200", "uri",
                RATE_LIMITS, "service", "gateway-service")).isGreaterThanOrEqualTo(1);
        assertThat(metrics.sum("http_server_requests_seconds_count", "method", "POST", "status", "401", "uri",
                "/v1/sequence")).isGreaterThanOrEqualTo(1);
        assertThat(metrics.find("http_server_requests_seconds_bucket", "uri", RATE_LIMITS, "status", "200"))
                .isNotEmpty();
        assertThat(metrics.find("http_server_requests_seconds_count"))
                .allSatisfy(series -> assertThat(series.labels().get("uri")).doesNotContainPattern("/\\d+"));
        assertThat(metrics.text()).doesNotContain("/admin/v1/accounts/" + account.accountId());
    }

    @Test
    void theReplyListenerAndTheProducerHaveKafkaMetersAndTheOutboxItsGauges() {
        // A new account is announced on accounts.events through the outbox: the platform's producer sends it.
        TestAccounts.create("Metrics Kafka");

        ScrapedMetrics metrics = ScrapedMetrics.scrape();

        assertThat(metrics.find("kafka_consumer_fetch_manager_fetch_total", "group", "none"))
                .anySatisfy(series -> assertThat(series.labels().get("client_id"))
                        .startsWith("gateway-service-reply-listener-"));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !ScrapedMetrics.scrape()
                .find("kafka_producer_record_send_total", "client_id", "gateway-service-platform-producer").isEmpty());
        // The outbox's gauges, numbers once the first refresh has read the table.
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> ScrapedMetrics.scrape()
                .find("platform_outbox_backlog").stream().anyMatch(series -> !Double.isNaN(series.value())));
        assertThat(ScrapedMetrics.scrape().find("platform_outbox_oldest_age_seconds")).hasSize(1);
        assertThat(ScrapedMetrics.scrape().find("platform_inbox_size")).hasSize(1);
    }

    @Test
    void aCommandWithoutAReplyIsCountedAsARequestTimeout() {
        // No sequence-service runs in these tests: the command is sent and never answered.
        ScrapedMetrics before = ScrapedMetrics.scrape();
        given().header("Authorization", TestAccounts.create("Metrics timeout").bearer())
                .contentType(ContentType.JSON).body("{\"name\": \"Never answered\"}")
                .when().post("/v1/sequence")
                .then().statusCode(504);

        ScrapedMetrics after = ScrapedMetrics.scrape();

        String[] labels = {"topic", Topics.SEQUENCE_COMMANDS, "reason", "no_reply"};
        assertThat(after.sum("platform_requests_timeouts_total", labels)
                - before.sum("platform_requests_timeouts_total", labels)).isEqualTo(1);
        assertThat(after.sum("http_server_requests_seconds_count", "method", "POST", "status", "504", "uri",
                "/v1/sequence")).isGreaterThanOrEqualTo(1);
    }
}
