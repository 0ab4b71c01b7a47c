package me.wolfeo.sequences.sequenceservice.sequence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

import me.wolfeo.sequences.platform.contract.Topics;
import me.wolfeo.sequences.platform.contract.sequence.CreateSequence;
import me.wolfeo.sequences.platform.contract.sequence.CreateStage;
import me.wolfeo.sequences.platform.contract.sequence.SequenceData;
import me.wolfeo.sequences.platform.contract.sequence.SequenceMessageTypes;
import me.wolfeo.sequences.platform.contract.sequence.StageData;
import me.wolfeo.sequences.platform.contract.sequence.UpdateSequence;
import me.wolfeo.sequences.platform.contract.sequence.UpdateStageSms;
import me.wolfeo.sequences.platform.testing.InternalCallers;
import me.wolfeo.sequences.platform.testing.MessagingTestClient;

/** The internal read API that the gateway and the other services use. */
@QuarkusTest
class SequenceQueryResourceTest {

    @Inject
    MessagingTestClient client;

    private final long account = MessagingTestClient.newAccount();

    private SequenceData create(String name) {
        return client.ok(client.send(Topics.SEQUENCE_COMMANDS, SequenceMessageTypes.CREATE_SEQUENCE, account,
                new CreateSequence(name, null)), SequenceData.class);
    }

    /** A call as gateway makes it, with its token. */
    private static RequestSpecification asGateway() {
        return given().header("Authorization", InternalCallers.bearer("gateway"));
    }

    @Test
    void listsAnAccountsSequencesPageByPageInCreationOrder() {
        SequenceData first = create("One");
        SequenceData second = create("Two");
        SequenceData third = create("Three");

        asGateway().queryParam("page", 1).queryParam("per_page", 2)
                .when().get("/internal/v1/accounts/" + account + "/sequences")
                .then().statusCode(200)
                .body("items.id", contains((int) first.id(), (int) second.id()))
                .body("page", equalTo(1)).body("per_page", equalTo(2)).body("total", equalTo(3));
        asGateway().queryParam("page", 2).queryParam("per_page", 2)
                .when().get("/internal/v1/accounts/" + account + "/sequences")
                .then().statusCode(200).body("items.id", contains((int) third.id()));
    }

    @Test
    void getsASequenceWithItsStagesInStepOrder() {
        SequenceData sequence = create("With stages");
        client.send(Topics.SEQUENCE_COMMANDS, SequenceMessageTypes.CREATE_STAGE, account,
                new CreateStage(sequence.id(), "Email", "send_email", null, null));
        client.send(Topics.SEQUENCE_COMMANDS, SequenceMessageTypes.CREATE_STAGE, account,
                new CreateStage(sequence.id(), "SMS", "send_sms", null, null));

        asGateway().when().get("/internal/v1/accounts/" + account + "/sequences/" + sequence.id())
                .then().statusCode(200)
                .body("name", equalTo("With stages"))
                .body("stages", hasSize(2))
                .body("stages.name", contains("Email", "SMS"))
                .body("stages.step", contains(1, 2));
    }

    @Test
    void anotherAccountsSequenceIsNotFound() {
        SequenceData sequence = create("Private");

        asGateway().when().get("/internal/v1/accounts/" + MessagingTestClient.newAccount() + "/sequences/"
                + sequence.id())
                .then().statusCode(404).body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void aSequenceShowsWhetherItIsPausedAndItsSmsStagesTheirText() {
        SequenceData sequence = create("Paused");
        client.send(Topics.SEQUENCE_COMMANDS, SequenceMessageTypes.CREATE_STAGE, account,
                new CreateStage(sequence.id(), "Email", "send_email", null, null));
        StageData sms = client.ok(client.send(Topics.SEQUENCE_COMMANDS, SequenceMessageTypes.CREATE_STAGE, account,
                new CreateStage(sequence.id(), "SMS", "send_sms", null, null)), StageData.class);
        client.ok(client.send(Topics.SEQUENCE_COMMANDS, SequenceMessageTypes.UPDATE_STAGE_SMS, account,
                new UpdateStageSms(sms.id(), "Hi {{first_name}}")), StageData.class);
        client.ok(client.send(Topics.SEQUENCE_COMMANDS, SequenceMessageTypes.UPDATE_SEQUENCE, account,
                new UpdateSequence(sequence.id(), null, true)), SequenceData.class);

        asGateway().when().get("/internal/v1/accounts/" + account + "/sequences/" + sequence.id())
                .then().statusCode(200)
                .body("paused", equalTo(true))
                .body("stages[0].sms_text", nullValue())
                .body("stages[1].sms_text", equalTo("Hi {{first_name}}"));
        asGateway().when().get("/internal/v1/accounts/" + account + "/stages/" + sms.id())
                .then().statusCode(200).body("sms_text", equalTo("Hi {{first_name}}"));
    }
}
