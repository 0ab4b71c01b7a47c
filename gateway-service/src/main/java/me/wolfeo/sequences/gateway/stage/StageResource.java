package me.wolfeo.sequences.gateway.stage;

import java.util.concurrent.CompletionStage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.common.annotation.Blocking;

import me.wolfeo.sequences.gateway.account.CurrentAccount;
import me.wolfeo.sequences.gateway.api.ApiResponses;
import me.wolfeo.sequences.gateway.api.ContractReader;
import me.wolfeo.sequences.gateway.api.RequestInput;
import me.wolfeo.sequences.gateway.messaging.CommandGateway;
import me.wolfeo.sequences.gateway.security.ApiRoles;
import me.wolfeo.sequences.gateway.sequence.SequenceViews;
import me.wolfeo.sequences.platform.contract.Topics;
import me.wolfeo.sequences.platform.contract.sequence.CreateStage;
import me.wolfeo.sequences.platform.contract.sequence.DeleteStage;
import me.wolfeo.sequences.platform.contract.sequence.Deleted;
import me.wolfeo.sequences.platform.contract.sequence.SequenceMessageTypes;
import me.wolfeo.sequences.platform.contract.sequence.StageData;
import me.wolfeo.sequences.platform.contract.sequence.StageRules;
import me.wolfeo.sequences.platform.contract.sequence.UpdateStage;

/** "Create Sequence Stage" and "Delete Sequence Stage", and the update the document leaves to the dashboard. */
@RolesAllowed(ApiRoles.ACCOUNT)
@Path("/v1/sequence-stage")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class StageResource {

    private final CommandGateway commands;
    private final CurrentAccount account;
    private final RequestInput input;
    private final ContractReader reader;

    public StageResource(CommandGateway commands, CurrentAccount account, RequestInput input,
            ContractReader reader) {
        this.commands = commands;
        this.account = account;
        this.input = input;
        this.reader = reader;
    }

    /** The answer to "Create Sequence Stage", field for field. */
    public record Created(long id, long sequenceId, int step, String name, String stageType, int timeValue,
            int timeType) {

        static Created of(StageData stage) {
            return new Created(stage.id(), stage.sequenceId(), stage.step(), stage.name(), stage.stageType(),
                    stage.timeValue(), stage.timeType());
        }
    }

    /** The answer to an update of a stage: the "Create Sequence Stage" answer plus {@code active}. */
    public record Updated(long id, long sequenceId, int step, String name, String stageType, int timeValue,
            int timeType, boolean active) {

        static Updated of(StageData stage) {
            return new Updated(stage.id(), stage.sequenceId(), stage.step(), stage.name(), stage.stageType(),
                    stage.timeValue(), stage.timeType(), stage.active());
        }
    }

    @POST
    public CompletionStage<RestResponse<ApiResponses.Success<Created>>> create(byte[] body,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        CreateStage request = reader.read(input.read(body, null), CreateStage.class);
        CreateStage command = new CreateStage(request.sequenceId(), request.name(),
                request.stageType() == null ? StageRules.DEFAULT_STAGE_TYPE : request.stageType(),
                request.timeValue() == null ? StageRules.DEFAULT_TIME_VALUE : request.timeValue(),
                request.timeType() == null ? StageRules.DEFAULT_TIME_TYPE : request.timeType());
        return commands.send(stageCommand(SequenceMessageTypes.CREATE_STAGE, command), "POST /v1/sequence-stage",
                idempotencyKey)
                .thenApply(reply -> RestResponse.status(RestResponse.Status.CREATED,
                        ApiResponses.success(Created.of(commands.dataOf(reply, StageData.class)))));
    }

    /**
     * Renames a stage, changes its delay, activates or deactivates it (the dashboard's "configure before
     * activating" of sequences-api.txt, in its REST style). A field left out is left as it is; given, each follows
     * the rules of "Create Sequence Stage". Activation needs what the stage sends: email content, or SMS text.
     */
    @PUT
    public CompletionStage<ApiResponses.Success<Updated>> update(byte[] body,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        UpdateStage command = reader.read(input.read(body, null), UpdateStage.class);
        return commands.send(stageCommand(SequenceMessageTypes.UPDATE_STAGE, command), "PUT /v1/sequence-stage",
                idempotencyKey)
                .thenApply(reply -> ApiResponses.success(Updated.of(commands.dataOf(reply, StageData.class))));
    }

    @DELETE
    public CompletionStage<ApiResponses.Success<SequenceViews.Deleted>> delete(byte[] body, @Context UriInfo uri,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        DeleteStage command = reader.read(input.read(body, uri.getQueryParameters()), DeleteStage.class);
        return commands.send(stageCommand(SequenceMessageTypes.DELETE_STAGE, command),
                "DELETE /v1/sequence-stage", idempotencyKey)
                .thenApply(reply -> ApiResponses.success(
                        new SequenceViews.Deleted(commands.dataOf(reply, Deleted.class).deleted())));
    }

    private CommandGateway.Command stageCommand(String type, Object data) {
        return stageCommand(account.id(), type, data);
    }

    /** Stage commands go to sequence-service keyed by account, like the sequence commands. */
    static CommandGateway.Command stageCommand(long accountId, String type, Object data) {
        return CommandGateway.Command.ofAccount(Topics.SEQUENCE_COMMANDS, type, SequenceMessageTypes.VERSION,
                accountId, data);
    }
}
