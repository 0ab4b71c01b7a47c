package me.wolfeo.sequences.gateway.contact;

import java.util.concurrent.CompletionStage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.common.annotation.Blocking;

import me.wolfeo.sequences.gateway.account.CurrentAccount;
import me.wolfeo.sequences.gateway.api.ApiResponses;
import me.wolfeo.sequences.gateway.api.ApiTime;
import me.wolfeo.sequences.gateway.api.Fields;
import me.wolfeo.sequences.gateway.api.RequestInput;
import me.wolfeo.sequences.gateway.messaging.CommandGateway;
import me.wolfeo.sequences.gateway.security.ApiRoles;
import me.wolfeo.sequences.platform.contract.Topics;
import me.wolfeo.sequences.platform.contract.contact.ActivityRecorded;
import me.wolfeo.sequences.platform.contract.contact.ContactActivityRules;
import me.wolfeo.sequences.platform.contract.contact.ContactMessageTypes;
import me.wolfeo.sequences.platform.contract.contact.RecordActivity;
import me.wolfeo.sequences.platform.phone.PhoneNumbers;

/**
 * {@code POST /v1/contact-activity}: something a contact did (replied, bounced, unsubscribed, booked a meeting),
 * sent to enrollment-service on {@code contacts.activity}, the topic internal systems publish to, keyed by the
 * contact.
 */
@RolesAllowed(ApiRoles.ACCOUNT)
@Path("/v1/contact-activity")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ContactActivityResource {

    /** Long enough for any ISO-8601 instant with an offset and nanoseconds. */
    private static final int OCCURRED_AT_MAX_LENGTH = 64;

    private final CommandGateway commands;
    private final CurrentAccount account;
    private final RequestInput input;
    private final PhoneNumbers phones;

    public ContactActivityResource(CommandGateway commands, CurrentAccount account, RequestInput input,
            PhoneNumbers phones) {
        this.commands = commands;
        this.account = account;
        this.input = input;
        this.phones = phones;
    }

    /** The activity as applied, timestamps as the API shows them. */
    public record Activity(long contactId, String type, String occurredAt, Long enrollmentId, Long sequenceId,
            boolean endedEnrollment, String recordedAt) {

        static Activity of(ActivityRecorded recorded) {
            return new Activity(recorded.contactId(), recorded.type(), ApiTime.format(recorded.occurredAt()),
                    recorded.enrollmentId(), recorded.sequenceId(), recorded.endedEnrollment(),
                    ApiTime.format(recorded.recordedAt()));
        }
    }

    @POST
    public CompletionStage<ApiResponses.Success<Activity>> record(byte[] body,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        Fields fields = Fields.of(input.read(body, null));
        ContactReferenceFields contact = ContactReferenceFields.read(fields);
        String type = fields.has("type")
                ? fields.optionalChoice("type", ContactActivityRules.TYPES, null)
                : fields.fail("type", "The type field is required.");
        String occurredAt = fields.optionalString("occurred_at", OCCURRED_AT_MAX_LENGTH);
        if (occurredAt != null && ContactActivityRules.occurredAt(occurredAt).isEmpty()) {
            fields.fail("occurred_at", ContactActivityRules.invalidOccurredAtMessage());
        }
        fields.check();
        long accountId = account.id();
        RecordActivity command = new RecordActivity(contact.contactId(), contact.source(), contact.id(),
                contact.phoneNumber(), type, occurredAt);
        CommandGateway.Command message = new CommandGateway.Command(Topics.CONTACT_ACTIVITY,
                contact.partitionKey(accountId, phones), ContactMessageTypes.RECORD_ACTIVITY,
                ContactMessageTypes.VERSION, accountId, command);
        return commands.send(message, "POST /v1/contact-activity", idempotencyKey)
                .thenApply(reply -> ApiResponses.success(
                        Activity.of(commands.dataOf(reply, ActivityRecorded.class))));
    }
}
