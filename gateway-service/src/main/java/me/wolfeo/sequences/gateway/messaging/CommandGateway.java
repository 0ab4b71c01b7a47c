package me.wolfeo.sequences.gateway.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.StartupEvent;

import me.wolfeo.sequences.gateway.api.ApiException;
import me.wolfeo.sequences.platform.Failures;
import me.wolfeo.sequences.platform.messaging.Envelope;
import me.wolfeo.sequences.platform.messaging.Reply;
import me.wolfeo.sequences.platform.messaging.requestreply.KafkaRequestor;
import me.wolfeo.sequences.platform.messaging.requestreply.ReplyTimeoutException;

/**
 * Sends a public request as a command to the owning service over Kafka and turns the reply into the answer: the
 * reply data, or an {@link ApiException} for a refusal, a timeout (504 with the command id) or a broker that is
 * down (503). Past {@code gateway.limits.max-commands-in-flight} a request is shed at once ({@link CommandAdmission}).
 *
 * <p>
 * With an {@code Idempotency-Key}, the command id is derived from the account, the endpoint and the key, so a
 * retry is the same command: the service recognises it and answers with the first result.
 */
@ApplicationScoped
public class CommandGateway {

    private static final Logger LOG = Logger.getLogger(CommandGateway.class);

    private final KafkaRequestor requestor;
    private final ObjectMapper mapper;
    private final CommandAdmission admission;

    public CommandGateway(KafkaRequestor requestor, ObjectMapper mapper, CommandAdmission admission) {
        this.requestor = requestor;
        this.mapper = mapper;
        this.admission = admission;
    }

    /** Starts the reply listener with the application, so that the first request does not wait for it. */
    void warmUp(@Observes StartupEvent event) throws InterruptedException {
        if (!requestor.awaitReady(Duration.ofSeconds(30))) {
            LOG.warn("The reply listener is not ready yet; requests wait for it");
        }
    }

    /** A command about to be sent. */
    public record Command(String topic, String key, String type, int version, long accountId, Object data) {

        /**
         * A command keyed by its account: one account's commands to a service apply in the order they were sent.
         */
        public static Command ofAccount(String topic, String type, int version, long accountId, Object data) {
            return new Command(topic, Long.toString(accountId), type, version, accountId, data);
        }
    }

    public CompletionStage<Reply> send(Command command, String endpoint, String idempotencyKey) {
        String commandId = commandId(command.accountId(), endpoint, idempotencyKey);
        Envelope envelope = Envelope.withId(commandId, command.type(), command.version(), command.accountId(),
                mapper.valueToTree(command.data()));
        admission.admit();
        CompletionStage<Reply> reply;
        try {
            reply = requestor.request(command.topic(), command.key(), envelope);
        } catch (RuntimeException e) {
            admission.release();
            throw e;
        }
        return reply.whenComplete((answer, error) -> admission.release()).exceptionally(error -> {
            Throwable cause = error instanceof CompletionException && error.getCause() != null
                    ? error.getCause()
                    : error;
            if (cause instanceof ReplyTimeoutException timeout) {
                LOG.warnf("No reply to %s %s in time", command.type(), timeout.commandId());
                throw ApiException.timeout(timeout.commandId());
            }
            LOG.warnf("Cannot send %s: %s", command.type(), Failures.describe(cause));
            throw ApiException.unavailable("The platform cannot take requests right now; please retry.");
        });
    }

    /** The reply's data as the given type, or the refusal as an {@link ApiException}. */
    public <T> T dataOf(Reply reply, Class<T> type) {
        if (!reply.isOk()) {
            throw ApiException.of(reply.error());
        }
        try {
            return mapper.treeToValue(reply.data(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unexpected reply data " + reply.data(), e);
        }
    }

    private static String commandId(long accountId, String endpoint, String idempotencyKey) {
        if (idempotencyKey == null) {
            return UUID.randomUUID().toString(); // a key given is a valid one: IdempotencyKeyFilter
        }
        String name = accountId + "\n" + endpoint + "\n" + idempotencyKey;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
