package me.wolfeo.sequences.gateway.stage;

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
import me.wolfeo.sequences.platform.contract.sequence.SequenceMessageTypes;
import me.wolfeo.sequences.platform.contract.sequence.StageData;
import me.wolfeo.sequences.platform.contract.sequence.UpdateStageSms;

/**
 * Sets the text of a send_sms stage (the SMS counterpart of "Update Sequence Stage Content", in its REST style).
 * The text is kept exactly as sent, line breaks included; placeholders such as {@code {{first_name}}} are filled
 * when it is sent.
 */
@RolesAllowed(ApiRoles.ACCOUNT)
@Path("/v1/sequence-stage-sms")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class StageSmsResource {

    private final CommandGateway commands;
    private final CurrentAccount account;
    private final RequestInput input;
    private final ContractReader reader;

    public StageSmsResource(CommandGateway commands, CurrentAccount account, RequestInput input,
            ContractReader reader) {
        this.commands = commands;
        this.account = account;
        this.input = input;
        this.reader = reader;
    }

    /** The answer: the stage as an update of it shows it, plus its {@code text}. */
    public record Updated(long id, long sequenceId, int step, String name, String stageType, int timeValue,
            int timeType, boolean active, String text) {

        static Updated of(StageData stage) {
            return new Updated(stage.id(), stage.sequenceId(), stage.step(), stage.name(), stage.stageType(),
                    stage.timeValue(), stage.timeType(), stage.active(), stage.smsText());
        }
    }

    @PUT
    public CompletionStage<ApiResponses.Success<Updated>> update(byte[] body,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        UpdateStageSms request = reader.read(input.read(body, null), UpdateStageSms.class);
        CommandGateway.Command command = StageResource.stageCommand(account.id(),
                SequenceMessageTypes.UPDATE_STAGE_SMS, request);
        return commands.send(command, "PUT /v1/sequence-stage-sms", idempotencyKey)
                .thenApply(reply -> ApiResponses.success(Updated.of(commands.dataOf(reply, StageData.class))));
    }
}
