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
import me.wolfeo.sequences.gateway.api.ContractReader;
import me.wolfeo.sequences.gateway.api.RequestInput;
import me.wolfeo.sequences.gateway.messaging.CommandGateway;
import me.wolfeo.sequences.gateway.security.ApiRoles;
import me.wolfeo.sequences.platform.contract.Topics;
import me.wolfeo.sequences.platform.contract.contact.ContactDetail;
import me.wolfeo.sequences.platform.contract.contact.ContactMessageTypes;
import me.wolfeo.sequences.platform.contract.contact.UpdateContact;

/**
 * {@code PUT /v1/contact}: a contact's settings (time zone, opt-out, email, names); a field left out stays as it
 * is. Sent on {@code enrollments.commands}, keyed by the contact, in order with its enrollment commands.
 */
@RolesAllowed(ApiRoles.ACCOUNT)
@Path("/v1/contact")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ContactResource {

    private final CommandGateway commands;
    private final CurrentAccount account;
    private final RequestInput input;
    private final ContractReader reader;

    public ContactResource(CommandGateway commands, CurrentAccount account, RequestInput input,
            ContractReader reader) {
        this.commands = commands;
        this.account = account;
        this.input = input;
        this.reader = reader;
    }

    @PUT
    public CompletionStage<ApiResponses.Success<ContactDetail>> update(byte[] body,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        UpdateContact update = reader.read(input.read(body, null), UpdateContact.class);
        long accountId = account.id();
        CommandGateway.Command command = new CommandGateway.Command(Topics.ENROLLMENT_COMMANDS,
                accountId + ":contact:" + update.contactId(), ContactMessageTypes.UPDATE, ContactMessageTypes.VERSION,
                accountId, update);
        return commands.send(command, "PUT /v1/contact", idempotencyKey)
                .thenApply(reply -> ApiResponses.success(commands.dataOf(reply, ContactDetail.class)));
    }
}
