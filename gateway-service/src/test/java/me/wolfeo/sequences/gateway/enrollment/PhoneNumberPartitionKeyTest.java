package me.wolfeo.sequences.gateway.enrollment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import me.wolfeo.sequences.gateway.TestAccounts;
import me.wolfeo.sequences.local.testing.KafkaTestClient;
import me.wolfeo.sequences.platform.contract.Topics;

/**
 * Commands about a contact known by phone number are keyed by the number in E.164, so that every spelling of one
 * number lands on one partition and the contact's commands apply in order. (Nothing answers them in this module's
 * tests: each call ends in 504; what counts here is the record the gateway sent.)
 */
@QuarkusTest
class PhoneNumberPartitionKeyTest {

    @Test
    void everySpellingOfOneNumberGivesItsCommandsTheSameKey() {
        TestAccounts.Created account = TestAccounts.create("Phone keys");
        List<String> spellings = List.of("8181234567", "+1 818-123-4567", "(818) 123 4567", "18181234567");
        CompletableFuture.allOf(spellings.stream()
                .map(phone -> CompletableFuture.runAsync(() -> given().contentType(ContentType.JSON)
                        .body(Map.of("api_token", account.token(), "sequence_id", 1, "source", "phone_number",
                                "phone_number", phone))
                        .when().post("/api/v1/webhook/sequence-enroll")
                        .then().statusCode(504)))
                .toArray(CompletableFuture[]::new)).join();

        String prefix = account.accountId() + ":phone:";
        try (KafkaTestClient kafka = new KafkaTestClient(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class))) {
            List<String> keys = kafka.read(Topics.ENROLLMENT_COMMANDS,
                    record -> record.key() != null && record.key().startsWith(prefix), spellings.size(),
                    Duration.ofSeconds(20)).stream().map(ConsumerRecord::key).toList();
            assertThat(keys).hasSize(spellings.size()).containsOnly(prefix + "+18181234567");
        }
    }
}
