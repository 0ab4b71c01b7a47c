package me.wolfeo.sequences.gateway.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import me.wolfeo.sequences.gateway.TestAccounts;
import me.wolfeo.sequences.local.testing.KafkaTestClient;
import me.wolfeo.sequences.platform.contract.Topics;

/**
 * The command record of a request continues the request's trace: a request with a W3C traceparent sends a command
 * whose traceparent header has the same trace id, and names a span of the gateway as its parent. (Nothing answers
 * the command in this module's tests: the call ends in 504; what counts is the record.)
 */
@QuarkusTest
class TraceContextPropagationTest {

    @Test
    void theCommandRecordCarriesTheTraceOfTheRequest() {
        TestAccounts.Created account = TestAccounts.create("Traced");
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String callerSpanId = traceId.substring(0, 16);
        given().contentType(ContentType.JSON)
                .header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                .body(Map.of("api_token", account.token(), "sequence_id", 1, "source", "hubspot", "id", 7))
                .when().post("/api/v1/webhook/sequence-enroll")
                .then().statusCode(504);

        String prefix = account.accountId() + ":";
        try (KafkaTestClient kafka = new KafkaTestClient(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class))) {
            List<ConsumerRecord<String, byte[]>> commands = kafka.read(Topics.ENROLLMENT_COMMANDS,
                    record -> record.key() != null && record.key().startsWith(prefix), 1, Duration.ofSeconds(20));
            assertThat(commands).hasSize(1);
            String traceparent = KafkaTestClient.header(commands.get(0), "traceparent");
            assertThat(traceparent).as("the command's traceparent").isNotNull();
            String[] parts = traceparent.split("-");
            assertThat(parts[1]).as("its trace id").isEqualTo(traceId);
            assertThat(parts[2]).as("its parent: a span of the gateway, not the caller's").isNotEqualTo(callerSpanId);
            assertThat(parts[3]).as("sampled").isEqualTo("01");
        }
    }
}
