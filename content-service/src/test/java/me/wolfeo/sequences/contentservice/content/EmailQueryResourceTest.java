package me.wolfeo.sequences.contentservice.content;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

import me.wolfeo.sequences.contentservice.ContentFixtures;
import me.wolfeo.sequences.contentservice.ContentState;
import me.wolfeo.sequences.platform.contract.Topics;
import me.wolfeo.sequences.platform.contract.content.ContentMessageTypes;
import me.wolfeo.sequences.platform.contract.content.ContentUpdated;
import me.wolfeo.sequences.platform.contract.content.UpdateContent;
import me.wolfeo.sequences.platform.contract.sequence.StageData;
import me.wolfeo.sequences.platform.testing.InternalCallers;
import me.wolfeo.sequences.platform.testing.MessagingTestClient;

/** The internal read API that sequence-service and the engine use: a stage's email, its HTML read from S3. */
@QuarkusTest
class EmailQueryResourceTest {

    @Inject
    MessagingTestClient client;
    @Inject
    ContentState state;

    private final long account = MessagingTestClient.newAccount();
    private StageData stage;
    private Email email;

    @BeforeEach
    void createAnEmailStage() {
        stage = ContentFixtures.stage(ContentFixtures.newId(), "send_email");
        ContentFixtures.publishStageCreated(client, account, stage);
        email = ContentFixtures.eventually().until(() -> state.emailOf(stage.id()).orElse(null),
                found -> found != null);
    }

    private String path(long accountId, long stageId) {
        return "/internal/v1/accounts/" + accountId + "/stages/" + stageId + "/email-message";
    }

    /** A call as enrollment-service makes it, with its token. */
    private static RequestSpecification asEngine() {
        return given().header("Authorization", InternalCallers.bearer("enrollment-service"));
    }

    @Test
    void anEmailWithoutUploadedContentHasNoHtml() {
        asEngine().when().get(path(account, stage.id()))
                .then().statusCode(200)
                .body("email_id", equalTo(email.id.intValue()))
                .body("stage_id", equalTo(stage.id()))
                .body("subject", nullValue())
                .body("html", nullValue());
    }

    @Test
    void uploadedContentReadsBackWithItsSubjectAndSender() {
        String html = "<p>Hello {{first_name|there}} – ünïcödé ✓</p>";
        client.ok(client.send(Topics.CONTENT_COMMANDS, ContentMessageTypes.UPDATE_CONTENT, account,
                new UpdateContent(stage.id(), html, "Welcome!", "Wolfeo", "team@wolfeo.me")), ContentUpdated.class);

        asEngine().when().get(path(account, stage.id()))
                .then().statusCode(200)
                .body("email_id", equalTo(email.id.intValue()))
                .body("stage_id", equalTo(stage.id()))
                .body("subject", equalTo("Welcome!"))
                .body("from_name", equalTo("Wolfeo"))
                .body("from_email", equalTo("team@wolfeo.me"))
                .body("html", equalTo(html));
    }

    @Test
    void anotherAccountsStageIsNotFoundLikeAMissingOne() {
        asEngine().when().get(path(MessagingTestClient.newAccount(), stage.id()))
                .then().statusCode(404)
                .body("code", equalTo("NOT_FOUND"))
                .body("message", equalTo("Email not found."));
        asEngine().when().get(path(account, ContentFixtures.newId()))
                .then().statusCode(404)
                .body("code", equalTo("NOT_FOUND"))
                .body("message", equalTo("Email not found."));
    }

    @Test
    void aStageWithoutAnEmailRecordIsNotFound() {
        StageData sms = ContentFixtures.stage(stage.sequenceId(), "send_sms");
        ContentFixtures.publishStageCreated(client, account, sms);
        ContentFixtures.eventually().until(() -> state.stage(sms.id()).isPresent());

        asEngine().when().get(path(account, sms.id())).then().statusCode(404);
    }
}
