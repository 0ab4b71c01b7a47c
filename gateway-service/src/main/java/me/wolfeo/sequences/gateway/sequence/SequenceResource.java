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
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.common.annotation.Blocking;

import me.wolfeo.sequences.gateway.account.CurrentAccount;
import me.wolfeo.sequences.gateway.api.ApiResponses;
import me.wolfeo.sequences.gateway.api.Fields;
import me.wolfeo.sequences.gateway.api.Pagination;
import me.wolfeo.sequences.gateway.api.RequestInput;
import me.wolfeo.sequences.gateway.api.ServiceReads;
import me.wolfeo.sequences.gateway.messaging.CommandGateway;
import me.wolfeo.sequences.gateway.security.ApiRoles;
import me.wolfeo.sequences.platform.contract.Topics;
import me.wolfeo.sequences.platform.contract.sequence.CreateSequence;
import me.wolfeo.sequences.platform.contract.sequence.DeleteSequence;
import me.wolfeo.sequences.platform.contract.sequence.ScheduleRules;
import me.wolfeo.sequences.platform.contract.sequence.SequenceData;
import me.wolfeo.sequences.platform.contract.sequence.SequenceMessageTypes;
import me.wolfeo.sequences.platform.contract.sequence.SequenceRules;
import me.wolfeo.sequences.platform.contract.sequence.UpdateSequence;

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

    public SequenceResource(CommandGateway commands, @RestClient SequenceServiceClient sequences,
            CurrentAccount account, RequestInput input) {
        this.commands = commands;
        this.sequences = sequences;
        this.account = account;
        this.input = input;
    }

    @POST
    @Path("/sequence")
    public CompletionStage<RestResponse<ApiResponses.Success<SequenceViews.Created>>> create(byte[] body,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        Fields fields = Fields.of(input.read(body, null));
        String name = fields.requiredString("name", SequenceRules.NAME_MAX_LENGTH);
        String type = fields.optionalChoice("type", SequenceRules.TYPES, SequenceRules.DEFAULT_TYPE);
        fields.check();
        long accountId = account.id();
        return commands.send(sequenceCommand(accountId, SequenceMessageTypes.CREATE_SEQUENCE,
                new CreateSequence(name, type)), "POST /v1/sequence", idempotencyKey)
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
        ObjectNode request = input.read(body, null);
        Fields fields = Fields.of(request);
        Long sequenceId = fields.requiredInteger("sequence_id");
        String name = request.hasNonNull("name") ? fields.requiredString("name", SequenceRules.NAME_MAX_LENGTH) : null;
        Boolean paused = fields.optionalBoolean("paused");
        Boolean stopOnReply = fields.optionalBoolean("stop_on_reply");
        Boolean stopOnMeeting = fields.optionalBoolean("stop_on_meeting");
        JsonNode schedule = scheduleOf(request, fields);
        fields.check();
        long accountId = account.id();
        return commands.send(sequenceCommand(accountId, SequenceMessageTypes.UPDATE_SEQUENCE,
                new UpdateSequence(sequenceId, name, paused, schedule, stopOnReply, stopOnMeeting)), "PUT /v1/sequence",
                idempotencyKey)
                .thenApply(reply -> ApiResponses.success(
                        SequenceViews.Updated.of(commands.dataOf(reply, SequenceData.class))));
    }

    /**
     * The schedule field as given (null: left as it is), its problems added to the fields'. A JSON null sets the
     * schedule back to any day, any hour.
     */
    private static JsonNode scheduleOf(ObjectNode request, Fields fields) {
        if (!request.has(ScheduleRules.FIELD)) {
            return null;
        }
        JsonNode schedule = request.get(ScheduleRules.FIELD);
        ScheduleRules.problems(schedule).forEach((field, messages) -> messages.forEach(m -> fields.fail(field, m)));
        return schedule.isNull() ? JsonNodeFactory.instance.objectNode() : schedule;
    }

    @GET
    @Path("/sequences")
    public ApiResponses.Paged<SequenceViews.Listed> list(@Context UriInfo uri) {
        Pagination pagination = Pagination.of(Fields.of(input.read(null, uri.getQueryParameters())));
        long accountId = account.id();
        return ApiResponses.paged(ServiceReads.read("Account not found.",
                () -> sequences.list(accountId, pagination.page(), pagination.perPage())),
                SequenceViews.Listed::of);
    }

    @GET
    @Path("/sequence")
    public ApiResponses.Success<SequenceViews.Detail> get(@Context UriInfo uri) {
        Fields fields = Fields.of(input.read(null, uri.getQueryParameters()));
        Long sequenceId = fields.requiredInteger("sequence_id");
        fields.check();
        long accountId = account.id();
        return ApiResponses.success(SequenceViews.Detail.of(
                ServiceReads.read("Sequence not found.", () -> sequences.get(accountId, sequenceId))));
    }

    @DELETE
    @Path("/sequence")
    public CompletionStage<ApiResponses.Success<SequenceViews.Deleted>> delete(byte[] body, @Context UriInfo uri,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        Fields fields = Fields.of(input.read(body, uri.getQueryParameters()));
        Long sequenceId = fields.requiredInteger("sequence_id");
        fields.check();
        long accountId = account.id();
        return commands.send(sequenceCommand(accountId, SequenceMessageTypes.DELETE_SEQUENCE,
                new DeleteSequence(sequenceId)), "DELETE /v1/sequence", idempotencyKey)
                .thenApply(reply -> ApiResponses.success(new SequenceViews.Deleted(
                        commands.dataOf(reply, me.wolfeo.sequences.platform.contract.sequence.Deleted.class)
                                .deleted())));
    }

    private static CommandGateway.Command sequenceCommand(long accountId, String type, Object data) {
        return CommandGateway.Command.ofAccount(Topics.SEQUENCE_COMMANDS, type, SequenceMessageTypes.VERSION, accountId,
                data);
    }
}
