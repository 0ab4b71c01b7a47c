package me.wolfeo.sequences.sequenceservice.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import me.wolfeo.sequences.platform.contract.Topics;
import me.wolfeo.sequences.platform.contract.sequence.CreateSequence;
import me.wolfeo.sequences.platform.contract.sequence.SequenceData;
import me.wolfeo.sequences.platform.contract.sequence.SequenceMessageTypes;
import me.wolfeo.sequences.platform.testing.InternalCallers;
import me.wolfeo.sequences.platform.testing.MessagingTestClient;
import me.wolfeo.sequences.platform.testing.ScrapedMetrics;

/**
 * /q/metrics after real work: a command over the broker (the consumer's meters with its group, the producer's, the
 * outbox and inbox gauges) and a read over HTTP (its timing under the templated route).
 */
@QuarkusTest
class MetricsTest {

    @Inject
    MessagingTestClient client;

    @Test
    void aCommandAndAReadShowInTheMetrics() {
        long account = MessagingTestClient.newAccount();
        SequenceData created = client.ok(client.send(Topics.SEQUENCE_COMMANDS, SequenceMessageTypes.CREATE_SEQUENCE,
                account, new CreateSequence("Metrics", null)), SequenceData.class);
        given().header("Authorization", InternalCallers.bearer("gateway"))
                .when().get("/internal/v1/accounts/" + account + "/sequences/" + created.id())
                .then().statusCode(200);

        ScrapedMetrics metrics = ScrapedMetrics.scrape();

        assertThat(metrics.find("http_server_requests_seconds_count", "method", "GET", "status", "200", "uri",
                "/internal/v1/accounts/{accountId}/sequences/{sequenceId}", "service", "sequence-service"))
                .hasSize(1);
        assertThat(metrics.text()).doesNotContain("/internal/v1/accounts/" + account);
        assertThat(metrics.find("kafka_consumer_fetch_manager_fetch_total", "group", "sequence-service",
                "client_id", "kafka-consumer-sequence-commands")).hasSize(1);
        assertThat(metrics.find("kafka_producer_record_send_total", "client_id",
                "sequence-service-platform-producer")).hasSize(1);
        // The command is in the inbox once the gauges have been refreshed (every few seconds).
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> ScrapedMetrics.scrape().sum("platform_inbox_size") >= 1);
        ScrapedMetrics refreshed = ScrapedMetrics.scrape();
        assertThat(refreshed.find("platform_outbox_backlog")).hasSize(1);
        assertThat(refreshed.sum("platform_outbox_oldest_age_seconds")).isNotNaN().isNotNegative();
    }
}
