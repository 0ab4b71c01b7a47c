package me.wolfeo.sequences.gateway.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

import me.wolfeo.sequences.gateway.health.ReplyListenerHealthCheck;
import me.wolfeo.sequences.platform.contract.Topics;
import me.wolfeo.sequences.platform.messaging.Envelope;
import me.wolfeo.sequences.platform.messaging.MessageCodec;
import me.wolfeo.sequences.platform.messaging.MessagingConfig;
import me.wolfeo.sequences.platform.messaging.Reply;
import me.wolfeo.sequences.platform.messaging.requestreply.KafkaRequestor;
import me.wolfeo.sequences.platform.messaging.requestreply.ReplyTimeoutException;
import me.wolfeo.sequences.platform.messaging.requestreply.RequestNotSentException;

/**
 * A request is answered by {@code platform.messaging.requests.timeout} (2 s here) whatever the broker does, and
 * the caller's thread never waits: 504 ({@link ReplyTimeoutException}, with the command id) when the command was
 * handed to the broker, 503 ({@link RequestNotSentException}) when it could not even be sent. The requestors here
 * are the test's own, pointed at a port where nothing listens: the shared test broker keeps running.
 */
@QuarkusTest
class RequestDeadlineTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    /** What the answer may take beyond the timeout: a timer's delay, a thread hop. */
    private static final Duration SLACK = Duration.ofMillis(700);

    @Inject
    MessagingConfig config;
    @Inject
    MessageCodec codec;
    @Inject
    ObjectMapper mapper;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String broker;

    @Test
    void aCommandWhileTheBrokerIsUnreachableIsRefusedAsNotSentWithinTheTimeout() throws Exception {
        String down = TestRequestors.unreachableBroker();
        try (TestRequestors.Started started = TestRequestors.start(TestRequestors.withTimeouts(config, TIMEOUT,
                Duration.ofSeconds(60)), codec, down, down)) {
            Answer answer = request(started.requestor());

            assertThat(answer.callTook()).as("the caller's thread never waits").isLessThan(Duration.ofMillis(200));
            assertThat(answer.took()).isLessThan(TIMEOUT.plus(SLACK));
            assertThat(answer.error()).isInstanceOf(RequestNotSentException.class);
            assertThat(((RequestNotSentException) answer.error()).commandId()).isEqualTo(answer.commandId());
        }
    }

    @Test
    void aCommandTheProducerCannotHandToTheBrokerIsRefusedAsNotSentAsSoonAsItsMaxBlockRunsOut() throws Exception {
        // The listener reads the test broker (it is ready); the producer's broker is down.
        try (TestRequestors.Started started = TestRequestors.start(TestRequestors.withTimeouts(config, TIMEOUT,
                Duration.ofMillis(500)), codec, broker, TestRequestors.unreachableBroker())) {
            assertThat(started.requestor().awaitReady(Duration.ofSeconds(15))).isTrue();

            Answer answer = request(started.requestor());

            assertThat(answer.callTook()).isLessThan(Duration.ofMillis(200));
            assertThat(answer.took()).isLessThan(TIMEOUT);
            assertThat(answer.error()).isInstanceOf(RequestNotSentException.class);
        }
    }

    @Test
    void aCommandStillWaitingForTheProducerAtItsDeadlineIsAGatewayTimeoutAtTheDeadline() throws Exception {
        // kafka-clients' own default max.block.ms (60 s): the send is still blocked when the timeout comes.
        try (TestRequestors.Started started = TestRequestors.start(TestRequestors.withTimeouts(config, TIMEOUT,
                Duration.ofSeconds(60)), codec, broker, TestRequestors.unreachableBroker())) {
            assertThat(started.requestor().awaitReady(Duration.ofSeconds(15))).isTrue();

            Answer answer = request(started.requestor());

            assertThat(answer.callTook()).isLessThan(Duration.ofMillis(200));
            assertThat(answer.took()).isBetween(TIMEOUT, TIMEOUT.plus(SLACK));
            assertThat(answer.error()).isInstanceOf(ReplyTimeoutException.class);
            assertThat(((ReplyTimeoutException) answer.error()).commandId()).isEqualTo(answer.commandId());
        }
    }

    @Test
    void aSentCommandThatNobodyAnswersIsAGatewayTimeoutAtTheDeadline() throws Exception {
        try (TestRequestors.Started started = TestRequestors.start(TestRequestors.withTimeouts(config, TIMEOUT,
                Duration.ofSeconds(5)), codec, broker, broker)) {
            assertThat(started.requestor().awaitReady(Duration.ofSeconds(15))).isTrue();

            Answer answer = request(started.requestor());

            assertThat(answer.took()).isBetween(TIMEOUT, TIMEOUT.plus(SLACK));
            assertThat(answer.error()).isInstanceOf(ReplyTimeoutException.class);
        }
    }

    @Test
    void theReadinessCheckIsDownWhileTheReplyListenerCannotReachTheBrokerOrIsNotRunning() throws Exception {
        TestRequestors.Started started = TestRequestors.start(config, codec, TestRequestors.unreachableBroker(),
                broker);
        KafkaRequestor unreachable = started.requestor();
        try {
            HealthCheckResponse response = new ReplyListenerHealthCheck(unreachable).call();
            assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
            assertThat(response.getData().orElseThrow().get("status").toString()).contains("gateway.replies");
        } finally {
            started.close();
        }
        assertThat(new ReplyListenerHealthCheck(unreachable).call().getStatus())
                .as("once stopped").isEqualTo(HealthCheckResponse.Status.DOWN);

        try (TestRequestors.Started reachable = TestRequestors.start(config, codec, broker, broker)) {
            assertThat(reachable.requestor().awaitReady(Duration.ofSeconds(15))).isTrue();
            assertThat(new ReplyListenerHealthCheck(reachable.requestor()).call().getStatus())
                    .isEqualTo(HealthCheckResponse.Status.UP);
        }
    }

    /** How a request ended: its error (null when answered), how long the call and the answer took. */
    private record Answer(String commandId, Throwable error, Duration callTook, Duration took) {
    }

    private Answer request(KafkaRequestor requestor) throws InterruptedException {
        String commandId = UUID.randomUUID().toString();
        Envelope command = Envelope.withId(commandId, "deadline.test", 1, 1, mapper.createObjectNode());
        long started = System.nanoTime();
        CompletableFuture<Reply> reply = requestor.request(Topics.SEQUENCE_COMMANDS, "deadline-test", command)
                .toCompletableFuture();
        Duration callTook = Duration.ofNanos(System.nanoTime() - started);
        Throwable error = null;
        try {
            reply.get(TIMEOUT.toMillis() * 10, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            error = e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("No answer at all after " + TIMEOUT.multipliedBy(10), e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        return new Answer(commandId, error, callTook, took);
    }
}
