package me.wolfeo.sequences.enrollmentservice.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import me.wolfeo.sequences.enrollmentservice.EnrollmentFixtures;
import me.wolfeo.sequences.platform.contract.Topics;
import me.wolfeo.sequences.platform.contract.enrollment.Enroll;
import me.wolfeo.sequences.platform.contract.enrollment.EnrollmentMessageTypes;
import me.wolfeo.sequences.platform.contract.enrollment.EnrollmentResult;
import me.wolfeo.sequences.platform.messaging.ErrorCodes;
import me.wolfeo.sequences.platform.messaging.Reply;
import me.wolfeo.sequences.platform.testing.InternalCallers;
import me.wolfeo.sequences.platform.testing.MessagingTestClient;
import me.wolfeo.sequences.platform.testing.ScrapedMetrics;

/**
 * /q/metrics after real work: enroll commands over the broker (counted by outcome), the engine running the step
 * they lead to, the platform's outbox and inbox gauges, the Kafka consumers' meters with their group, and the HTTP
 * server's timings by templated route.
 */
@QuarkusTest
class MetricsTest {

    private static final int HOUR = 3600;

    @Inject
    MessagingTestClient client;
    @Inject
    EnrollmentFixtures fixtures;

    private Reply enroll(long account, long sequence, String crmId) {
        return client.send(Topics.ENROLLMENT_COMMANDS, EnrollmentMessageTypes.ENROLL, account,
                new Enroll(sequence, false, "hubspot", crmId, null, null, null, null));
    }

    @Test
    void enrollOutcomesStepsAndTheMessagingGaugesAreExposed() {
        long account = fixtures.knownAccount();
        long runsAtOnce = fixtures.knownSequence(account, "Metrics now");
        fixtures.knownActionStage(account, runsAtOnce, 1, 0, HOUR);
        long waits = fixtures.knownSequence(account, "Metrics later");
        fixtures.knownActionStage(account, waits, 1, 1, HOUR);
        ScrapedMetrics before = ScrapedMetrics.scrape();

        client.ok(enroll(account, runsAtOnce, "metrics-1"), EnrollmentResult.class);
        client.ok(enroll(account, runsAtOnce, "metrics-2"), EnrollmentResult.class);
        client.ok(enroll(account, waits, "metrics-3"), EnrollmentResult.class);
        assertThat(enroll(account, waits, "metrics-3").error().code()).isEqualTo(ErrorCodes.ALREADY_ENROLLED);
        assertThat(enroll(account, EnrollmentFixtures.newId(), "metrics-4").error().code())
                .isEqualTo(ErrorCodes.NOT_FOUND);
        // The first (action) step of the two enrollments into the first sequence runs at once.
        EnrollmentFixtures.eventually().until(() -> increase(before, ScrapedMetrics.scrape(),
                "enrollment_engine_steps_total", "outcome", "done", "stage_type", "action") >= 2);

        ScrapedMetrics after = ScrapedMetrics.scrape();
        assertThat(increase(before, after, "enrollment_enrolls_total", "outcome", "enrolled")).isEqualTo(3);
        assertThat(increase(before, after, "enrollment_enrolls_total", "outcome", ErrorCodes.ALREADY_ENROLLED))
                .isEqualTo(1);
        assertThat(increase(before, after, "enrollment_enrolls_total", "outcome", ErrorCodes.NOT_FOUND))
                .isEqualTo(1);
        assertThat(after.find("enrollment_enrolls_total", "outcome", "enrolled"))
                .allSatisfy(series -> assertThat(series.labels()).containsEntry("service", "enrollment-service"));

        // The gauges the database refreshes (every few seconds): the five commands are in the inbox.
        EnrollmentFixtures.eventually().until(() -> ScrapedMetrics.scrape().sum("platform_inbox_size") >= 5);
        ScrapedMetrics refreshed = ScrapedMetrics.scrape();
        assertThat(refreshed.find("platform_outbox_backlog")).hasSize(1);
        assertThat(refreshed.sum("platform_outbox_backlog")).isNotNaN().isNotNegative();
        assertThat(refreshed.sum("platform_outbox_oldest_age_seconds")).isNotNaN().isNotNegative();
        assertThat(refreshed.find("enrollment_engine_due")).hasSize(1);
        assertThat(refreshed.sum("enrollment_engine_due")).isNotNaN().isNotNegative();
        assertThat(refreshed.find("enrollment_engine_due_oldest_age_seconds")).hasSize(1);
    }

    @Test
    void theKafkaConsumersMetersCarryTheirGroupAndTheProducersTheirs() {
        long account = fixtures.knownAccount();
        // A reply: the platform's producer (made on first use) sends it.
        assertThat(enroll(account, EnrollmentFixtures.newId(), "metrics-kafka").isOk()).isFalse();
        // Each channel's consumer, the three copies of enrollment-commands included, with its group.
        ScrapedMetrics metrics = ScrapedMetrics.scrape();
        for (String channel : new String[]{"enrollment-commands$1", "enrollment-commands$3", "sequence-events",
                "account-events", "contact-activity"}) {
            assertThat(metrics.find("kafka_consumer_fetch_manager_fetch_total", "group", "enrollment-service",
                    "client_id", "kafka-consumer-" + channel)).as(channel).hasSize(1);
        }
        // The lag of each assigned partition, once the meters have followed the assignment (within
        // platform.metrics.kafka-refresh-interval, 15 s).
        Awaitility.await().atMost(Duration.ofSeconds(45)).until(() -> !ScrapedMetrics.scrape().find(
                "kafka_consumer_fetch_manager_records_lag", "group", "enrollment-service", "topic",
                "enrollments.commands").isEmpty());
        assertThat(ScrapedMetrics.scrape().find("kafka_consumer_fetch_manager_records_lag", "topic",
                "enrollments.commands")).allSatisfy(series -> assertThat(series.labels()).containsKey("partition"));
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of("target/metrics-scrape.txt"),
                    ScrapedMetrics.scrape().text());
        } catch (java.io.IOException e) {
        }
        assertThat(ScrapedMetrics.scrape().find("kafka_producer_record_send_total", "client_id",
                "enrollment-service-platform-producer")).isNotEmpty();
    }

    @Test
    void httpServerTimingsAreByTemplatedRoute() {
        long account = EnrollmentFixtures.newId();
        String path = "/internal/v1/accounts/" + account + "/contacts/" + EnrollmentFixtures.newId() + "/sequences/"
                + EnrollmentFixtures.newId() + "/progress";
        given().header("Authorization", InternalCallers.bearer("gateway")).when().get(path).then().statusCode(404);
        // Refused before it reaches its JAX-RS route: its raw path's ids are not kept either.
        given().header("Authorization", "Bearer not-a-service-token").when().get(path).then().statusCode(401);

        ScrapedMetrics metrics = ScrapedMetrics.scrape();

        assertThat(metrics.find("http_server_requests_seconds_count", "method", "GET", "status", "404", "uri",
                "/internal/v1/accounts/{accountId}/contacts/{contactId}/sequences/{sequenceId}/progress"))
                .hasSize(1);
        assertThat(metrics.find("http_server_requests_seconds_count")).isNotEmpty()
                .allSatisfy(series -> assertThat(series.labels().get("uri")).doesNotContainPattern("/\\d+"));
        assertThat(metrics.text()).doesNotContain("/internal/v1/accounts/" + account);
        assertThat(metrics.find("http_server_requests_seconds_bucket")).isNotEmpty();
    }

    private static double increase(ScrapedMetrics before, ScrapedMetrics after, String name, String... labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }
}
