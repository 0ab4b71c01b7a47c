package me.wolfeo.sequences.gateway.enrollment;

import java.util.concurrent.CompletionStage;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.common.annotation.Blocking;

import me.wolfeo.sequences.gateway.account.TokenOwner;
import me.wolfeo.sequences.gateway.account.Tokens;
import me.wolfeo.sequences.gateway.api.ApiException;
import me.wolfeo.sequences.gateway.api.ContractReader;
import me.wolfeo.sequences.gateway.api.Dialect;
import me.wolfeo.sequences.gateway.api.RequestInput;
import me.wolfeo.sequences.gateway.messaging.CommandGateway;
import me.wolfeo.sequences.gateway.ratelimit.RateLimiter;
import me.wolfeo.sequences.platform.contract.Topics;
import me.wolfeo.sequences.platform.contract.enrollment.ContactSources;
import me.wolfeo.sequences.platform.contract.enrollment.Disenroll;
import me.wolfeo.sequences.platform.contract.enrollment.Enroll;
import me.wolfeo.sequences.platform.contract.enrollment.EnrollmentMessageTypes;
import me.wolfeo.sequences.platform.contract.enrollment.EnrollmentResult;
import me.wolfeo.sequences.platform.contract.validation.IdentifiesContact;
import me.wolfeo.sequences.platform.phone.PhoneNumbers;

/**
 * The enrollment webhooks of enrollment-webhook-api.txt: the API token comes in the JSON body, answers are
 * {@code {"message": ...}}. Commands are keyed by contact, so one contact's enrollments apply one at a time.
 * Public for Quarkus Security (no credentials in the headers): each method authenticates the body's token first.
 */
@Path("/api/v1/webhook")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class WebhookResource {

    static final String ENROLLED = "Contact is successfully enrolled in the sequence.";
    static final String DISENROLLED = "Contact is disenrolled from all sequences.";

    private final CommandGateway commands;
    private final Tokens tokens;
    private final RequestInput input;
    private final PhoneNumbers phones;
    private final RateLimiter limiter;
    private final ContractReader reader;

    public WebhookResource(CommandGateway commands, Tokens tokens, RequestInput input, PhoneNumbers phones,
            RateLimiter limiter, ContractReader reader) {
        this.commands = commands;
        this.tokens = tokens;
        this.input = input;
        this.phones = phones;
        this.reader = reader;
        this.limiter = limiter;
    }

    /** A webhook answer: {@code {"message": ...}}. */
    public record Message(String message) {
    }

    @POST
    @Path("/sequence-enroll")
    public CompletionStage<Message> enroll(byte[] body, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        ObjectNode request = input.read(body, null);
        long accountId = authenticate(request);
        Enroll given = reader.read(request, Enroll.class);
        Enroll command = new Enroll(given.sequenceId(), Boolean.TRUE.equals(given.forceEnroll()), given.source(),
                given.id(), given.phoneNumber(), given.email(), given.firstName(), given.lastName(), given.timezone());
        return commands.send(contactCommand(accountId, command, EnrollmentMessageTypes.ENROLL, command),
                "POST /api/v1/webhook/sequence-enroll", idempotencyKey)
                .thenApply(reply -> {
                    commands.dataOf(reply, EnrollmentResult.class);
                    return new Message(ENROLLED);
                });
    }

    @POST
    @Path("/sequence-disenroll")
    public CompletionStage<Message> disenroll(byte[] body, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        ObjectNode request = input.read(body, null);
        long accountId = authenticate(request);
        Disenroll command = reader.read(request, Disenroll.class);
        return commands.send(contactCommand(accountId, command, EnrollmentMessageTypes.DISENROLL, command),
                "POST /api/v1/webhook/sequence-disenroll", idempotencyKey)
                .thenApply(reply -> {
                    commands.dataOf(reply, EnrollmentResult.class);
                    return new Message(DISENROLLED);
                });
    }

    /** The body's api_token, checked before anything else in the body; then the token's rate limit. */
    private long authenticate(ObjectNode request) {
        JsonNode token = request.get("api_token");
        String secret = token != null && token.isTextual() ? token.asText() : null;
        TokenOwner owner = tokens.ownerOf(secret)
                .orElseThrow(() -> ApiException.unauthenticated(secret == null || secret.isBlank()
                        ? "The api_token field is required."
                        : "Invalid api_token."));
        limiter.admit(owner, Dialect.WEBHOOK);
        return owner.accountId();
    }

    /** Keyed by the contact; a phone number by its E.164 form, so that each spelling lands on one partition. */
    private CommandGateway.Command contactCommand(long accountId, IdentifiesContact contact, String type,
            Object data) {
        String keyPhone = phones.toE164(contact.phoneNumber()).orElse(contact.phoneNumber());
        return new CommandGateway.Command(Topics.ENROLLMENT_COMMANDS,
                ContactSources.partitionKey(accountId, contact.source(), contact.id(), keyPhone), type,
                EnrollmentMessageTypes.VERSION, accountId, data);
    }
}
