package me.wolfeo.sequences.gateway.enrollment;

import java.util.List;
import java.util.concurrent.CompletionStage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.common.annotation.Blocking;

import me.wolfeo.sequences.gateway.account.CurrentAccount;
import me.wolfeo.sequences.gateway.api.ApiResponses;
import me.wolfeo.sequences.gateway.api.ApiTime;
import me.wolfeo.sequences.gateway.api.ContractReader;
import me.wolfeo.sequences.gateway.api.RequestInput;
import me.wolfeo.sequences.gateway.api.ServiceReads;
import me.wolfeo.sequences.gateway.messaging.CommandGateway;
import me.wolfeo.sequences.gateway.security.ApiRoles;
import me.wolfeo.sequences.platform.contract.Topics;
import me.wolfeo.sequences.platform.contract.enrollment.EnrollmentMessageTypes;
import me.wolfeo.sequences.platform.contract.enrollment.EnrollmentProgress;
import me.wolfeo.sequences.platform.contract.enrollment.SetEnrollmentPaused;
import me.wolfeo.sequences.platform.contract.validation.Required;

/** One enrollment's progress ({@code GET /v1/contact-sequence}), and pausing or resuming it ({@code PUT}). */
@RolesAllowed(ApiRoles.ACCOUNT)
@Path("/v1/contact-sequence")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ContactSequenceResource {

    private final CommandGateway commands;
    private final EnrollmentServiceClient enrollments;
    private final CurrentAccount account;
    private final RequestInput input;
    private final ContractReader reader;

    public ContactSequenceResource(CommandGateway commands, @RestClient EnrollmentServiceClient enrollments,
            CurrentAccount account, RequestInput input, ContractReader reader) {
        this.commands = commands;
        this.enrollments = enrollments;
        this.account = account;
        this.input = input;
        this.reader = reader;
    }

    /** The enrollment that a read names: the contact's in the sequence. */
    record EnrollmentQuery(@Required Long contactId, @Required Long sequenceId) {
    }

    /** An enrollment's progress, timestamps as the API shows them. */
    public record Progress(long enrollmentId, long contactId, long sequenceId, String state, Integer step,
            String nextDueAt, String waitingFor, String enrolledAt, String endedAt, String endReason,
            List<Step> history) {

        static Progress of(EnrollmentProgress progress) {
            return new Progress(progress.enrollmentId(), progress.contactId(), progress.sequenceId(),
                    progress.state(), progress.step(), format(progress.nextDueAt()), progress.waitingFor(),
                    format(progress.enrolledAt()), format(progress.endedAt()), progress.endReason(),
                    progress.history().stream().map(Step::of).toList());
        }
    }

    /** A step done, skipped or failed. */
    public record Step(long stageId, int step, String stageType, String outcome, String reason, int attempts,
            String at) {

        static Step of(EnrollmentProgress.StepRecord step) {
            return new Step(step.stageId(), step.step(), step.stageType(), step.outcome(), step.reason(),
                    step.attempts(), format(step.at()));
        }
    }

    @GET
    public ApiResponses.Success<Progress> progress(@Context UriInfo uri) {
        EnrollmentQuery query = reader.read(input.read(null, uri.getQueryParameters()), EnrollmentQuery.class);
        long accountId = account.id();
        return ApiResponses.success(Progress.of(ServiceReads.read("Enrollment not found.",
                () -> enrollments.progress(accountId, query.contactId(), query.sequenceId()))));
    }

    @PUT
    public CompletionStage<ApiResponses.Success<Progress>> setPaused(byte[] body,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        SetEnrollmentPaused request = reader.read(input.read(body, null), SetEnrollmentPaused.class);
        long accountId = account.id();
        CommandGateway.Command command = new CommandGateway.Command(Topics.ENROLLMENT_COMMANDS,
                accountId + ":contact:" + request.contactId(), EnrollmentMessageTypes.SET_PAUSED,
                EnrollmentMessageTypes.VERSION, accountId, request);
        return commands.send(command, "PUT /v1/contact-sequence", idempotencyKey)
                .thenApply(reply -> ApiResponses.success(
                        Progress.of(commands.dataOf(reply, EnrollmentProgress.class))));
    }

    private static String format(java.time.Instant instant) {
        return instant == null ? null : ApiTime.format(instant);
    }
}
