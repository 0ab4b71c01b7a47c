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

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.common.annotation.Blocking;

import me.wolfeo.sequences.gateway.account.CurrentAccount;
import me.wolfeo.sequences.gateway.api.ApiResponses;
import me.wolfeo.sequences.gateway.api.Fields;
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

    public StageResource(CommandGateway commands, CurrentAccount account, RequestInput input) {
        this.commands = commands;
        this.account = account;
        this.input = input;
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
        Fields fields = Fields.of(input.read(body, null));
        Long sequenceId = fields.requiredInteger("sequence_id");
        String name = fields.optionalString("name", StageRules.NAME_MAX_LENGTH);
        String stageType = fields.optionalChoice("stage_type", StageRules.STAGE_TYPES, StageRules.DEFAULT_STAGE_TYPE);
        Long timeValue = fields.optionalInteger("time_value", 0, StageRules.TIME_VALUE_MAX);
        Integer timeType = fields.optionalIntegerChoice("time_type", StageRules.TIME_TYPES,
                StageRules.DEFAULT_TIME_TYPE);
        fields.check();
        CreateStage command = new CreateStage(sequenceId, name, stageType,
                timeValue == null ? StageRules.DEFAULT_TIME_VALUE : timeValue.intValue(), timeType);
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
        ObjectNode request = input.read(body, null);
        Fields fields = Fields.of(request);
        Long stageId = fields.requiredInteger("stage_id");
        String name = request.hasNonNull("name") ? fields.requiredString("name", StageRules.NAME_MAX_LENGTH) : null;
        Long timeValue = fields.optionalInteger("time_value", 0, StageRules.TIME_VALUE_MAX);
        Integer timeType = fields.optionalIntegerChoice("time_type", StageRules.TIME_TYPES, null);
        Boolean active = fields.optionalBoolean("active");
        fields.check();
        UpdateStage command = new UpdateStage(stageId, name, timeValue == null ? null : timeValue.intValue(),
                timeType, active);
        return commands.send(stageCommand(SequenceMessageTypes.UPDATE_STAGE, command), "PUT /v1/sequence-stage",
                idempotencyKey)
                .thenApply(reply -> ApiResponses.success(Updated.of(commands.dataOf(reply, StageData.class))));
    }

    @DELETE
    public CompletionStage<ApiResponses.Success<SequenceViews.Deleted>> delete(byte[] body, @Context UriInfo uri,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        Fields fields = Fields.of(input.read(body, uri.getQueryParameters()));
        Long stageId = fields.requiredInteger("stage_id");
        fields.check();
        return commands.send(stageCommand(SequenceMessageTypes.DELETE_STAGE, new DeleteStage(stageId)),
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
