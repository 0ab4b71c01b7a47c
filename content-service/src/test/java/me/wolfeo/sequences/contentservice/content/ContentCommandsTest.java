package me.wolfeo.sequences.contentservice.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import me.wolfeo.sequences.contentservice.ContentFixtures;
import me.wolfeo.sequences.contentservice.ContentState;
import me.wolfeo.sequences.contentservice.stage.SequenceServiceStub;
import me.wolfeo.sequences.platform.contract.Topics;
import me.wolfeo.sequences.platform.contract.content.ContentMessageTypes;
import me.wolfeo.sequences.platform.contract.content.ContentRules;
import me.wolfeo.sequences.platform.contract.content.ContentUpdated;
import me.wolfeo.sequences.platform.contract.content.UpdateContent;
import me.wolfeo.sequences.platform.contract.sequence.StageData;
import me.wolfeo.sequences.platform.messaging.ErrorCodes;
import me.wolfeo.sequences.platform.messaging.Reply;
import me.wolfeo.sequences.platform.testing.MessagingTestClient;

@QuarkusTest
class ContentCommandsTest {

    @Inject
    MessagingTestClient client;
    @Inject
    ContentState state;
    @Inject
    EmailStorage storage;

    private final long account = MessagingTestClient.newAccount();
    private final long sequenceId = ContentFixtures.newId();
    private StageData emailStage;
    private Email email;

    @BeforeEach
    void createAnEmailStage() {
        emailStage = known(ContentFixtures.stage(sequenceId, "send_email"));
        email = ContentFixtures.eventually()
                .until(() -> state.emailOf(emailStage.id()).orElse(null), found -> found != null);
    }

    /** A stage content-service has learned from its event. */
    private StageData known(StageData stage) {
        ContentFixtures.publishStageCreated(client, account, stage);
        return stage;
    }

    private Reply update(UpdateContent content) {
        return client.send(Topics.CONTENT_COMMANDS, ContentMessageTypes.UPDATE_CONTENT, account, content);
    }

    @Test
    void theHtmlIsStoredAtTheEmailsPathAndReadableThereAsIs() throws Exception {
        String html = "<p>Hello {{first_name}} – ünïcödé ✓</p>";

        ContentUpdated updated = client.ok(update(new UpdateContent(emailStage.id(), html, "Welcome!", null, null)),
                ContentUpdated.class);

        assertThat(updated.id()).isEqualTo(emailStage.id());
        assertThat(updated.emailId()).isEqualTo(email.id);
        assertThat(updated.pathToEmail()).endsWith("/emails/files/file_" + email.id + ".html");
        HttpResponse<String> stored = ContentFixtures.anonymousGet(updated.pathToEmail());
        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(stored.body()).isEqualTo(html);
        assertThat(stored.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""))
                .isEqualToIgnoringCase("text/html;charset=utf-8");
    }

    @Test
    void theMetaFieldsChangeOnlyWhenGiven() {
        update(new UpdateContent(emailStage.id(), "<p>1</p>", "Subject", "Wolfeo", "team@wolfeo.me"));
        update(new UpdateContent(emailStage.id(), "<p>2</p>", null, "Wolfeo Team", null));

        Email stored = state.emailOf(emailStage.id()).orElseThrow();
        assertThat(stored.subject).isEqualTo("Subject");
        assertThat(stored.fromName).isEqualTo("Wolfeo Team");
        assertThat(stored.fromEmail).isEqualTo("team@wolfeo.me");
        assertThat(stored.htmlBytes).isEqualTo(8);
    }

    @Test
    void aSecondUpdateReplacesTheHtmlOfTheSameEmail() throws Exception {
        ContentUpdated first = client.ok(update(new UpdateContent(emailStage.id(), "<p>old</p>", null, null, null)),
                ContentUpdated.class);
        ContentUpdated second = client.ok(update(new UpdateContent(emailStage.id(), "<p>new</p>", null, null, null)),
                ContentUpdated.class);

        assertThat(second).isEqualTo(first);
        assertThat(ContentFixtures.anonymousGet(second.pathToEmail()).body()).isEqualTo("<p>new</p>");
    }

    @Test
    void contentForAnSmsOrActionStageIsRefused() {
        StageData sms = known(ContentFixtures.stage(sequenceId, "send_sms"));
        StageData action = known(ContentFixtures.stage(sequenceId, "action"));

        assertThat(update(new UpdateContent(sms.id(), "<p>x</p>", null, null, null)).error().code())
                .isEqualTo(ErrorCodes.STAGE_NOT_EMAIL);
        assertThat(update(new UpdateContent(action.id(), "<p>x</p>", null, null, null)).error().code())
                .isEqualTo(ErrorCodes.STAGE_NOT_EMAIL);
    }

    @Test
    void contentForAnUnknownDeletedOrForeignStageIsNotFound() {
        StageData deleted = known(ContentFixtures.stage(sequenceId, "send_email"));
        ContentFixtures.publishStageDeleted(client, account, deleted);
        ContentFixtures.eventually().until(() -> state.emailOf(deleted.id()).isEmpty());

        Reply unknown = update(new UpdateContent(ContentFixtures.newId(), "<p>x</p>", null, null, null));
        Reply gone = update(new UpdateContent(deleted.id(), "<p>x</p>", null, null, null));
        Reply foreign = client.send(Topics.CONTENT_COMMANDS, ContentMessageTypes.UPDATE_CONTENT,
                MessagingTestClient.newAccount(), new UpdateContent(emailStage.id(), "<p>x</p>", null, null, null));

        assertThat(unknown.error().code()).isEqualTo(ErrorCodes.NOT_FOUND);
        assertThat(gone.error()).isEqualTo(unknown.error());
        assertThat(foreign.error()).isEqualTo(unknown.error());
    }

    @Test
    void invalidContentIsRefusedFieldByFieldAndNothingIsUploaded() throws Exception {
        Reply missing = update(new UpdateContent(emailStage.id(), null, null, null, null));
        Reply empty = update(new UpdateContent(emailStage.id(), "", null, null, null));
        Reply tooLarge = update(new UpdateContent(emailStage.id(), "x".repeat(ContentRules.MAX_HTML_BYTES + 1),
                null, null, null));
        Reply badSender = update(new UpdateContent(emailStage.id(), "<p>x</p>", null, null, "not-an-address"));
        Reply longSubject = update(new UpdateContent(emailStage.id(), "<p>x</p>", "s".repeat(256), null, null));

        assertThat(missing.error().details()).containsKey("html");
        assertThat(empty.error().details()).containsKey("html");
        assertThat(tooLarge.error().details()).containsKey("html");
        assertThat(badSender.error().details()).containsKey("from_email");
        assertThat(longSubject.error().details()).containsKey("subject");
        assertThat(missing.error().code()).isEqualTo(ErrorCodes.VALIDATION_ERROR);
        Email unchanged = state.emailOf(emailStage.id()).orElseThrow();
        assertThat(unchanged.hasHtml()).isFalse();
        assertThat(unchanged.subject).isNull();
        assertThat(ContentFixtures.anonymousGet(storage.publicUrl(unchanged.id)).statusCode()).isEqualTo(404);
    }

    @Test
    void aStageCreatedAMomentAgoGetsItsContentBeforeItsEventArrives() {
        StageData fresh = ContentFixtures.stage(sequenceId, "send_email");
        SequenceServiceStub.register(account, fresh);

        ContentUpdated updated = client.ok(update(new UpdateContent(fresh.id(), "<p>fast</p>", null, null, null)),
                ContentUpdated.class);
        ContentFixtures.publishStageCreated(client, account, fresh);
        StageData marker = known(ContentFixtures.stage(sequenceId, "action"));
        ContentFixtures.eventually().until(() -> state.stage(marker.id()).isPresent());

        assertThat(updated.emailId()).isEqualTo(state.emailOf(fresh.id()).orElseThrow().id);
        assertThat(state.emailCount(fresh.id())).isEqualTo(1);
    }
}
