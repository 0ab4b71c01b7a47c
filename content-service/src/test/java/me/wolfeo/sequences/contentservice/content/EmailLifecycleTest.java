package me.wolfeo.sequences.contentservice.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import me.wolfeo.sequences.contentservice.ContentFixtures;
import me.wolfeo.sequences.contentservice.ContentState;
import me.wolfeo.sequences.local.testing.KafkaTestClient;
import me.wolfeo.sequences.platform.contract.Topics;
import me.wolfeo.sequences.platform.contract.content.ContentMessageTypes;
import me.wolfeo.sequences.platform.contract.content.ContentUpdated;
import me.wolfeo.sequences.platform.contract.content.UpdateContent;
import me.wolfeo.sequences.platform.contract.sequence.StageData;
import me.wolfeo.sequences.platform.testing.MessagingTestClient;

/** Email records follow sequence-service's stages, learned from sequences.events. */
@QuarkusTest
class EmailLifecycleTest {

    @Inject
    MessagingTestClient client;
    @Inject
    ContentState state;

    private final long account = MessagingTestClient.newAccount();
    private final long sequenceId = ContentFixtures.newId();

    private Email awaitEmailOf(StageData stage) {
        return ContentFixtures.eventually().until(() -> state.emailOf(stage.id()).orElse(null),
                email -> email != null);
    }

    @Test
    void aSendEmailStageGetsAnEmailRecordThatIsAnnounced() {
        StageData stage = ContentFixtures.stage(sequenceId, "send_email");

        ContentFixtures.publishStageCreated(client, account, stage);

        Email email = awaitEmailOf(stage);
        assertThat(email.accountId).isEqualTo(account);
        assertThat(email.sequenceId).isEqualTo(sequenceId);
        assertThat(email.hasHtml()).isFalse();
        assertThat(client.kafka().read(Topics.CONTENT_EVENTS,
                record -> Long.toString(email.id).equals(record.key())
                        && KafkaTestClient.value(record).contains(ContentMessageTypes.EMAIL_CREATED),
                1, MessagingTestClient.patience())).hasSize(1);
    }

    @Test
    void otherStagesAreKnownButGetNoEmailRecord() {
        StageData sms = ContentFixtures.stage(sequenceId, "send_sms");
        StageData action = ContentFixtures.stage(sequenceId, "action");

        ContentFixtures.publishStageCreated(client, account, sms);
        ContentFixtures.publishStageCreated(client, account, action);

        ContentFixtures.eventually().until(() -> state.stage(action.id()).isPresent());
        assertThat(state.stage(sms.id())).isPresent();
        assertThat(state.emailOf(sms.id())).isEmpty();
        assertThat(state.emailOf(action.id())).isEmpty();
    }

    @Test
    void aRepeatedStageEventMakesOneEmailRecord() {
        StageData stage = ContentFixtures.stage(sequenceId, "send_email");

        ContentFixtures.publishStageCreated(client, account, stage);
        ContentFixtures.publishStageCreated(client, account, stage);
        Email email = awaitEmailOf(stage);
        StageData marker = ContentFixtures.stage(sequenceId, "action");
        ContentFixtures.publishStageCreated(client, account, marker);
        ContentFixtures.eventually().until(() -> state.stage(marker.id()).isPresent());

        assertThat(state.emailCount(stage.id())).isEqualTo(1);
        assertThat(state.emailOf(stage.id()).orElseThrow().id).isEqualTo(email.id);
    }

    @Test
    void deletingAStageDeletesItsEmailAndItsHtmlObject() throws Exception {
        StageData stage = ContentFixtures.stage(sequenceId, "send_email");
        ContentFixtures.publishStageCreated(client, account, stage);
        Email email = awaitEmailOf(stage);
        ContentUpdated uploaded = client.ok(client.send(Topics.CONTENT_COMMANDS, ContentMessageTypes.UPDATE_CONTENT,
                account, new UpdateContent(stage.id(), "<p>Bye</p>", null, null, null)), ContentUpdated.class);
        assertThat(ContentFixtures.anonymousGet(uploaded.pathToEmail()).statusCode()).isEqualTo(200);

        ContentFixtures.publishStageDeleted(client, account, stage);

        ContentFixtures.eventually().until(() -> state.emailOf(stage.id()).isEmpty());
        assertThat(ContentFixtures.anonymousGet(uploaded.pathToEmail()).statusCode()).isEqualTo(404);
        assertThat(state.stage(stage.id()).orElseThrow().deleted).isTrue();
        assertThat(client.kafka().read(Topics.CONTENT_EVENTS,
                record -> Long.toString(email.id).equals(record.key())
                        && KafkaTestClient.value(record).contains(ContentMessageTypes.EMAIL_DELETED),
                1, MessagingTestClient.patience())).hasSize(1);
    }

    @Test
    void deletingASequenceDeletesTheEmailsOfAllItsStages() throws Exception {
        StageData first = ContentFixtures.stage(sequenceId, "send_email");
        StageData second = ContentFixtures.stage(sequenceId, "send_email");
        ContentFixtures.publishStageCreated(client, account, first);
        ContentFixtures.publishStageCreated(client, account, second);
        awaitEmailOf(first);
        awaitEmailOf(second);
        ContentUpdated uploaded = client.ok(client.send(Topics.CONTENT_COMMANDS, ContentMessageTypes.UPDATE_CONTENT,
                account, new UpdateContent(second.id(), "<p>Two</p>", null, null, null)), ContentUpdated.class);

        ContentFixtures.publishSequenceDeleted(client, account, sequenceId, List.of(first.id(), second.id()));

        ContentFixtures.eventually()
                .until(() -> state.emailOf(first.id()).isEmpty() && state.emailOf(second.id()).isEmpty());
        assertThat(ContentFixtures.anonymousGet(uploaded.pathToEmail()).statusCode()).isEqualTo(404);
    }

    @Test
    void aCreatedEventArrivingAfterTheStageWasDeletedCreatesNothing() {
        StageData stage = ContentFixtures.stage(sequenceId, "send_email");

        ContentFixtures.publishStageDeleted(client, account, stage);
        ContentFixtures.publishStageCreated(client, account, stage);
        StageData marker = ContentFixtures.stage(sequenceId, "action");
        ContentFixtures.publishStageCreated(client, account, marker);

        ContentFixtures.eventually().until(() -> state.stage(marker.id()).isPresent());
        assertThat(state.emailOf(stage.id())).isEmpty();
    }
}
