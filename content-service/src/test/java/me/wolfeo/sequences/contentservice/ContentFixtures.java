package me.wolfeo.sequences.contentservice;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

import me.wolfeo.sequences.platform.contract.Topics;
import me.wolfeo.sequences.platform.contract.sequence.SequenceDeleted;
import me.wolfeo.sequences.platform.contract.sequence.SequenceMessageTypes;
import me.wolfeo.sequences.platform.contract.sequence.StageData;
import me.wolfeo.sequences.platform.contract.sequence.StageDeleted;
import me.wolfeo.sequences.platform.testing.MessagingTestClient;

/** Publishes the sequence events content-service learns stages from, as sequence-service would. */
public final class ContentFixtures {

    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() * 1000);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ContentFixtures() {
    }

    /** A stage id never used before. */
    public static long newId() {
        return IDS.incrementAndGet();
    }

    public static StageData stage(long sequenceId, String stageType) {
        return new StageData(newId(), sequenceId, 1, "Step 1", stageType, 1, 86400, false, Instant.now(), null);
    }

    public static void publishStageCreated(MessagingTestClient client, long accountId, StageData stage) {
        client.publish(Topics.SEQUENCE_EVENTS, Long.toString(stage.sequenceId()), SequenceMessageTypes.STAGE_CREATED,
                accountId, stage);
    }

    public static void publishStageDeleted(MessagingTestClient client, long accountId, StageData stage) {
        client.publish(Topics.SEQUENCE_EVENTS, Long.toString(stage.sequenceId()), SequenceMessageTypes.STAGE_DELETED,
                accountId, new StageDeleted(stage.id(), stage.sequenceId(), stage.stageType(),
                        java.util.List.of()));
    }

    public static void publishSequenceDeleted(MessagingTestClient client, long accountId, long sequenceId,
            java.util.List<Long> stageIds) {
        client.publish(Topics.SEQUENCE_EVENTS, Long.toString(sequenceId), SequenceMessageTypes.SEQUENCE_DELETED,
                accountId, new SequenceDeleted(sequenceId, stageIds));
    }

    /** Polls on the test's own thread, where its CDI request context is active. */
    public static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(15)).pollInSameThread();
    }

    /** GET without credentials, as a mail renderer or a browser would read path_to_email. */
    public static HttpResponse<String> anonymousGet(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
