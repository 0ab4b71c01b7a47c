package me.wolfeo.sequences.gateway.sequence;

import java.util.concurrent.CompletionStage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.smallrye.common.annotation.Blocking;

import me.wolfeo.sequences.gateway.account.CurrentAccount;
import me.wolfeo.sequences.gateway.api.ApiResponses;
import me.wolfeo.sequences.gateway.api.ContractReader;
import me.wolfeo.sequences.gateway.api.Pagination;
import me.wolfeo.sequences.gateway.api.RequestInput;
import me.wolfeo.sequences.gateway.api.ServiceReads;
import me.wolfeo.sequences.gateway.messaging.CommandGateway;
import me.wolfeo.sequences.gateway.security.ApiRoles;
import me.wolfeo.sequences.platform.contract.Topics;
import me.wolfeo.sequences.platform.contract.sequence.CreateSequence;
import me.wolfeo.sequences.platform.contract.sequence.DeleteSequence;
import me.wolfeo.sequences.platform.contract.sequence.SequenceData;
import me.wolfeo.sequences.platform.contract.sequence.SequenceMessageTypes;
import me.wolfeo.sequences.platform.contract.sequence.SequenceRules;
import me.wolfeo.sequences.platform.contract.sequence.UpdateSequence;
import me.wolfeo.sequences.platform.contract.validation.Required;

/**
 * "Create Sequence", "Retrieve All Sequences", "Get An Individual Sequence" and "Delete Sequence", and the update
 * (rename, pause, resume) that the document leaves out.
 */
@RolesAllowed(ApiRoles.ACCOUNT)
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class SequenceResource {

    private final CommandGateway commands;
    private final SequenceServiceClient sequences;
    private final CurrentAccount account;
    private final RequestInput input;
    private final ContractReader reader;

    public SequenceResource(CommandGateway commands, @RestClient SequenceServiceClient sequences,
            CurrentAccount account, RequestInput input, ContractReader reader) {
        this.commands = commands;
        this.sequences = sequences;
        this.account = account;
        this.input = input;
        this.reader = reader;
    }

    /** The sequence that a read names. */
    record SequenceQuery(@Required Long sequenceId) {
    }

    @POST
    @Path("/sequence")
    public CompletionStage<RestResponse<ApiResponses.Success<SequenceViews.Created>>> create(byte[] body,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        CreateSequence request = reader.read(input.read(body, null), CreateSequence.class);
        String type = request.type() == null ? SequenceRules.DEFAULT_TYPE : request.type();
        long accountId = account.id();
        return commands.send(sequenceCommand(accountId, SequenceMessageTypes.CREATE_SEQUENCE,
                new CreateSequence(request.name(), type)), "POST /v1/sequence", idempotencyKey)
                .thenApply(reply -> RestResponse.status(RestResponse.Status.CREATED, ApiResponses.success(
                        SequenceViews.Created.of(commands.dataOf(reply, SequenceData.class)))));
    }

    /**
     * Renames, pauses or resumes a sequence (not in sequences-api.txt; its REST style: the id in the body). A field
     * left out is left as it is; given, {@code name} follows the rules of "Create Sequence".
     */
    @PUT
    @Path("/sequence")
    public CompletionStage<ApiResponses.Success<SequenceViews.Updated>> update(byte[] body,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        UpdateSequence request = reader.read(input.read(body, null), UpdateSequence.class);
        // a JSON null schedule sets it back to any day, any hour: an empty schedule (null would leave it as it is)
        JsonNode schedule = request.schedule() != null && request.schedule().isNull()
                ? JsonNodeFactory.instance.objectNode()
                : request.schedule();
        long accountId = account.id();
        return commands.send(sequenceCommand(accountId, SequenceMessageTypes.UPDATE_SEQUENCE,
                new UpdateSequence(request.sequenceId(), request.name(), request.paused(), schedule,
                        request.stopOnReply(), request.stopOnMeeting())),
                "PUT /v1/sequence", idempotencyKey)
                .thenApply(reply -> ApiResponses.success(
                        SequenceViews.Updated.of(commands.dataOf(reply, SequenceData.class))));
    }

    @GET
    @Path("/sequences")
    public ApiResponses.Paged<SequenceViews.Listed> list(@Context UriInfo uri) {
        Pagination pagination = Pagination.of(reader, input.read(null, uri.getQueryParameters()));
        long accountId = account.id();
        return ApiResponses.paged(ServiceReads.read("Account not found.",
                () -> sequences.list(accountId, pagination.page(), pagination.perPage())),
                SequenceViews.Listed::of);
    }

    @GET
    @Path("/sequence")
    public ApiResponses.Success<SequenceViews.Detail> get(@Context UriInfo uri) {
        long sequenceId = reader.read(input.read(null, uri.getQueryParameters()), SequenceQuery.class).sequenceId();
        long accountId = account.id();
        return ApiResponses.success(SequenceViews.Detail.of(
                ServiceReads.read("Sequence not found.", () -> sequences.get(accountId, sequenceId))));
    }

    @DELETE
    @Path("/sequence")
    public CompletionStage<ApiResponses.Success<SequenceViews.Deleted>> delete(byte[] body, @Context UriInfo uri,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        DeleteSequence request = reader.read(input.read(body, uri.getQueryParameters()), DeleteSequence.class);
        long accountId = account.id();
        return commands
                .send(sequenceCommand(accountId, SequenceMessageTypes.DELETE_SEQUENCE, request), "DELETE /v1/sequence",
                        idempotencyKey)
                .thenApply(reply -> ApiResponses.success(new SequenceViews.Deleted(
                        commands.dataOf(reply, me.wolfeo.sequences.platform.contract.sequence.Deleted.class)
                                .deleted())));
    }

    private static CommandGateway.Command sequenceCommand(long accountId, String type, Object data) {
        return CommandGateway.Command.ofAccount(Topics.SEQUENCE_COMMANDS, type, SequenceMessageTypes.VERSION, accountId,
                data);
    }
}
