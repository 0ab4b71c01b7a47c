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
import me.wolfeo.sequences.gateway.api.ContractReader;
import me.wolfeo.sequences.gateway.api.RequestInput;
import me.wolfeo.sequences.gateway.messaging.CommandGateway;
import me.wolfeo.sequences.gateway.security.ApiRoles;
import me.wolfeo.sequences.platform.contract.Topics;
import me.wolfeo.sequences.platform.contract.contact.ActivityRecorded;
import me.wolfeo.sequences.platform.contract.contact.ContactMessageTypes;
import me.wolfeo.sequences.platform.contract.contact.RecordActivity;
import me.wolfeo.sequences.platform.contract.enrollment.ContactSources;
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

    private final CommandGateway commands;
    private final CurrentAccount account;
    private final RequestInput input;
    private final ContractReader reader;
    private final PhoneNumbers phones;

    public ContactActivityResource(CommandGateway commands, CurrentAccount account, RequestInput input,
            ContractReader reader, PhoneNumbers phones) {
        this.commands = commands;
        this.account = account;
        this.input = input;
        this.reader = reader;
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
        RecordActivity command = withSource(reader.read(input.read(body, null), RecordActivity.class));
        long accountId = account.id();
        CommandGateway.Command message = new CommandGateway.Command(Topics.CONTACT_ACTIVITY,
                partitionKey(command, accountId), ContactMessageTypes.RECORD_ACTIVITY,
                ContactMessageTypes.VERSION, accountId, command);
        return commands.send(message, "POST /v1/contact-activity", idempotencyKey)
                .thenApply(reply -> ApiResponses.success(
                        Activity.of(commands.dataOf(reply, ActivityRecorded.class))));
    }

    /** A contact named by its phone number alone is of the {@code phone_number} source. */
    private static RecordActivity withSource(RecordActivity activity) {
        return activity.contactId() != null || activity.source() != null
                ? activity
                : new RecordActivity(null, ContactSources.PHONE_NUMBER, activity.id(), activity.phoneNumber(),
                        activity.type(), activity.occurredAt());
    }

    /**
     * The Kafka key that keeps one contact's messages in order: {@code <account>:contact:<id>}, or the key of the
     * enrollment commands ({@link ContactSources#partitionKey}, a phone number in its E.164 form).
     */
    private String partitionKey(RecordActivity activity, long accountId) {
        if (activity.contactId() != null) {
            return accountId + ":contact:" + activity.contactId();
        }
        String phone = activity.phoneNumber();
        return ContactSources.partitionKey(accountId, activity.source(), activity.id(),
                phones.toE164(phone).orElse(phone));
    }
}
