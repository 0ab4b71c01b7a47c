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
import me.wolfeo.sequences.gateway.api.Dialect;
import me.wolfeo.sequences.gateway.api.Fields;
import me.wolfeo.sequences.gateway.api.RequestInput;
import me.wolfeo.sequences.gateway.messaging.CommandGateway;
import me.wolfeo.sequences.gateway.ratelimit.RateLimiter;
import me.wolfeo.sequences.platform.contract.EmailAddresses;
import me.wolfeo.sequences.platform.contract.TimeZones;
import me.wolfeo.sequences.platform.contract.Topics;
import me.wolfeo.sequences.platform.contract.enrollment.ContactSources;
import me.wolfeo.sequences.platform.contract.enrollment.Disenroll;
import me.wolfeo.sequences.platform.contract.enrollment.Enroll;
import me.wolfeo.sequences.platform.contract.enrollment.EnrollmentMessageTypes;
import me.wolfeo.sequences.platform.contract.enrollment.EnrollmentResult;
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

    public WebhookResource(CommandGateway commands, Tokens tokens, RequestInput input, PhoneNumbers phones,
            RateLimiter limiter) {
        this.commands = commands;
        this.tokens = tokens;
        this.input = input;
        this.phones = phones;
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
        Fields fields = Fields.of(request);
        Long sequenceId = fields.requiredInteger("sequence_id");
        ContactFields contact = ContactFields.read(fields);
        Boolean force = fields.optionalBoolean("force_enroll");
        String email = fields.optionalString("email", EmailAddresses.MAX_LENGTH);
        if (email != null && !EmailAddresses.isValid(email)) {
            fields.fail("email", "The email field must be a valid email address.");
        }
        String firstName = fields.optionalString("first_name", ContactSources.NAME_MAX_LENGTH);
        String lastName = fields.optionalString("last_name", ContactSources.NAME_MAX_LENGTH);
        String timezone = fields.optionalString("timezone", TimeZones.MAX_LENGTH);
        if (timezone != null && TimeZones.named(timezone).isEmpty()) {
            fields.fail("timezone", TimeZones.invalidMessage("timezone"));
        }
        fields.check();
        Enroll command = new Enroll(sequenceId, Boolean.TRUE.equals(force), contact.source(), contact.id(),
                contact.phoneNumber(), email, firstName, lastName, timezone);
        return commands.send(contact.command(accountId, phones, EnrollmentMessageTypes.ENROLL, command),
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
        Fields fields = Fields.of(request);
        ContactFields contact = ContactFields.read(fields);
        fields.check();
        Disenroll command = new Disenroll(contact.source(), contact.id(), contact.phoneNumber());
        return commands.send(contact.command(accountId, phones, EnrollmentMessageTypes.DISENROLL, command),
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

    /** Who the contact is: the source, and the CRM id or the phone number it requires. */
    private record ContactFields(String source, String id, String phoneNumber) {

        static ContactFields read(Fields fields) {
            String source = null;
            if (!fields.has("source")) {
                fields.fail("source", "The source field is required.");
            } else {
                source = fields.optionalChoice("source", ContactSources.ALL, null);
            }
            boolean byPhone = ContactSources.PHONE_NUMBER.equals(source);
            String id = fields.identifier("id", ContactSources.ID_MAX_LENGTH,
                    source != null && !byPhone ? "The id field is required when source is " + source + "." : null);
            String phone = fields.phoneNumber("phone_number", PhoneNumbers.MAX_LENGTH,
                    byPhone ? "The phone number field is required when source is phone_number." : null);
            return new ContactFields(source, id, phone);
        }

        /** Keyed by the contact; a phone number by its E.164 form, so that each spelling lands on one partition. */
        CommandGateway.Command command(long accountId, PhoneNumbers phones, String type, Object data) {
            String keyPhone = phones.toE164(phoneNumber).orElse(phoneNumber);
            return new CommandGateway.Command(Topics.ENROLLMENT_COMMANDS,
                    ContactSources.partitionKey(accountId, source, id, keyPhone), type,
                    EnrollmentMessageTypes.VERSION, accountId, data);
        }
    }
}
