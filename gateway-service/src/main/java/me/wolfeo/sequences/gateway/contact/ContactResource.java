package me.wolfeo.sequences.gateway.contact;

import java.util.concurrent.CompletionStage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.common.annotation.Blocking;

import me.wolfeo.sequences.gateway.account.CurrentAccount;
import me.wolfeo.sequences.gateway.api.ApiResponses;
import me.wolfeo.sequences.gateway.api.Fields;
import me.wolfeo.sequences.gateway.api.RequestInput;
import me.wolfeo.sequences.gateway.messaging.CommandGateway;
import me.wolfeo.sequences.gateway.security.ApiRoles;
import me.wolfeo.sequences.platform.contract.EmailAddresses;
import me.wolfeo.sequences.platform.contract.TimeZones;
import me.wolfeo.sequences.platform.contract.Topics;
import me.wolfeo.sequences.platform.contract.contact.ContactDetail;
import me.wolfeo.sequences.platform.contract.contact.ContactMessageTypes;
import me.wolfeo.sequences.platform.contract.contact.UpdateContact;
import me.wolfeo.sequences.platform.contract.enrollment.ContactSources;

/**
 * {@code PUT /v1/contact}: a contact's settings (time zone, opt-out, email, names); a field left out stays as it
 * is. Sent on {@code enrollments.commands}, keyed by the contact, in order with its enrollment commands.
 */
@RolesAllowed(ApiRoles.ACCOUNT)
@Path("/v1/contact")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ContactResource {

    /** The longest IANA zone name is 32 characters; anything past this is not one. */
    private static final int TIMEZONE_MAX_LENGTH = 64;

    private final CommandGateway commands;
    private final CurrentAccount account;
    private final RequestInput input;

    public ContactResource(CommandGateway commands, CurrentAccount account, RequestInput input) {
        this.commands = commands;
        this.account = account;
        this.input = input;
    }

    @PUT
    public CompletionStage<ApiResponses.Success<ContactDetail>> update(byte[] body,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        Fields fields = Fields.of(input.read(body, null));
        Long contactId = fields.requiredInteger("contact_id");
        String timezone = fields.optionalString("timezone", TIMEZONE_MAX_LENGTH);
        if (timezone != null && TimeZones.named(timezone).isEmpty()) {
            fields.fail("timezone", TimeZones.invalidMessage("timezone"));
        }
        Boolean optedOut = fields.optionalBoolean("opted_out");
        String email = fields.optionalString("email", EmailAddresses.MAX_LENGTH);
        if (email != null && !EmailAddresses.isValid(email)) {
            fields.fail("email", "The email field must be a valid email address.");
        }
        String firstName = fields.optionalString("first_name", ContactSources.NAME_MAX_LENGTH);
        String lastName = fields.optionalString("last_name", ContactSources.NAME_MAX_LENGTH);
        fields.check();
        long accountId = account.id();
        CommandGateway.Command command = new CommandGateway.Command(Topics.ENROLLMENT_COMMANDS,
                accountId + ":contact:" + contactId, ContactMessageTypes.UPDATE, ContactMessageTypes.VERSION,
                accountId, new UpdateContact(contactId, timezone, optedOut, email, firstName, lastName));
        return commands.send(command, "PUT /v1/contact", idempotencyKey)
                .thenApply(reply -> ApiResponses.success(commands.dataOf(reply, ContactDetail.class)));
    }
}
