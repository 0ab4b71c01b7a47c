package me.wolfeo.sequences.gateway.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import me.wolfeo.sequences.gateway.TestAccounts;
import me.wolfeo.sequences.local.testing.KafkaTestClient;
import me.wolfeo.sequences.platform.contract.Topics;

/**
 * The operator caps an account's emails per sender address per day; the cap is announced on
 * {@code accounts.events} for the engine. A bad value is refused naming the field, and changes nothing.
 */
@QuarkusTest
class AccountSendingLimitsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static ValidatableResponse setLimits(long accountId, String body) {
        return given().header("X-Admin-Key", TestAccounts.ADMIN_KEY).contentType(ContentType.JSON).body(body)
                .when().put("/admin/v1/accounts/" + accountId + "/sending-limits").then();
    }

    private static ValidatableResponse limits(long accountId) {
        return given().header("X-Admin-Key", TestAccounts.ADMIN_KEY)
                .when().get("/admin/v1/accounts/" + accountId + "/sending-limits").then();
    }

    @Test
    void anAccountStartsWithoutACap() {
        TestAccounts.Created account = TestAccounts.create("Uncapped");
        limits(account.accountId()).statusCode(200)
                .body("data.account_id", equalTo((int) account.accountId()))
                .body("data.emails_per_sender_per_day", nullValue());
    }

    @Test
    void aCapIsShownAndAnnouncedAndNullLiftsIt() {
        TestAccounts.Created account = TestAccounts.create("Capped");
        setLimits(account.accountId(), "{\"emails_per_sender_per_day\": 200}").statusCode(200)
                .body("data.emails_per_sender_per_day", equalTo(200));
        limits(account.accountId()).body("data.emails_per_sender_per_day", equalTo(200));
        setLimits(account.accountId(), "{\"emails_per_sender_per_day\": null}").statusCode(200)
                .body("data.emails_per_sender_per_day", nullValue());

        List<String> announced = announcements(account.accountId(), 2);
        assertThat(announced).hasSize(2);
        assertThat(announced.get(0)).contains("\"emails_per_sender_per_day\":200");
        assertThat(announced.get(1)).contains("\"emails_per_sender_per_day\":null");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"emails_per_sender_per_day\": 0}", "{\"emails_per_sender_per_day\": -5}",
            "{\"emails_per_sender_per_day\": 2.5}", "{\"emails_per_sender_per_day\": \"many\"}",
            "{\"emails_per_sender_per_day\": 10000001}", "{}"})
    void aBadCapIsRefusedNamingTheFieldAndChangesNothing(String body) {
        TestAccounts.Created account = TestAccounts.create("Refused cap");
        setLimits(account.accountId(), "{\"emails_per_sender_per_day\": 50}").statusCode(200);

        setLimits(account.accountId(), body).statusCode(422)
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details.emails_per_sender_per_day", org.hamcrest.Matchers.notNullValue());

        limits(account.accountId()).body("data.emails_per_sender_per_day", equalTo(50));
    }

    @Test
    void anUnknownAccountIsNotFoundAndAnAccountTokenIsNotTheOperator() {
        limits(987_654_321L).statusCode(404);
        setLimits(987_654_321L, "{\"emails_per_sender_per_day\": 5}").statusCode(404);
        TestAccounts.Created account = TestAccounts.create("Not the operator");
        given().header("Authorization", account.bearer()).contentType(ContentType.JSON)
                .body("{\"emails_per_sender_per_day\": 5}")
                .when().put("/admin/v1/accounts/" + account.accountId() + "/sending-limits")
                .then().statusCode(401);
        limits(account.accountId()).body("data.emails_per_sender_per_day", nullValue());
    }

    private List<String> announcements(long accountId, int count) {
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            return kafka.read(Topics.ACCOUNT_EVENTS, record -> Long.toString(accountId).equals(record.key())
                    && value(record).contains("\"type\":\"account.sending_limits_changed\""), count,
                    Duration.ofSeconds(20)).stream().map(AccountSendingLimitsTest::value).toList();
        }
    }

    private static String value(ConsumerRecord<String, byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }
}
