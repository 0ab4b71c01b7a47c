package me.wolfeo.sequences.sequenceservice.sequence;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

import me.wolfeo.sequences.platform.contract.sequence.SequenceData;
import me.wolfeo.sequences.platform.contract.sequence.SequenceDetail;
import me.wolfeo.sequences.platform.http.InternalResponses;
import me.wolfeo.sequences.platform.internalapi.InternalApi;
import me.wolfeo.sequences.platform.paging.Page;
import me.wolfeo.sequences.sequenceservice.stage.Stage;
import me.wolfeo.sequences.sequenceservice.stage.StageRepository;

/**
 * Internal read API of sequence-service, for the gateway and for services whose projections have not caught up
 * yet. Not exposed outside the cluster; every path is scoped by account.
 */
@RolesAllowed(InternalApi.CALLER_ROLE)
@Path("/internal/v1/accounts/{accountId}")
@Produces(MediaType.APPLICATION_JSON)
public class SequenceQueryResource {

    private final SequenceRepository sequences;
    private final StageRepository stages;

    public SequenceQueryResource(SequenceRepository sequences, StageRepository stages) {
        this.sequences = sequences;
        this.stages = stages;
    }

    @GET
    @Path("/sequences")
    public Page<SequenceData> list(@PathParam("accountId") long accountId,
            @QueryParam("page") @DefaultValue("1") int page,
            @QueryParam("per_page") @DefaultValue("50") int perPage) {
        if (page < 1 || perPage < 1 || perPage > 100) {
            throw new BadRequestException("page must be >= 1 and per_page 1..100");
        }
        long total = sequences.countOwned(accountId);
        // The offset as a long: (page - 1) * perPage overflows an int for a page far past the end, which is empty.
        List<SequenceData> items = Page.offset(page, perPage) >= total
                ? List.of()
                : sequences.pageOwned(accountId, page, perPage).stream().map(Sequence::toData).toList();
        return new Page<>(items, page, perPage, total);
    }

    @GET
    @Path("/sequences/{sequenceId}")
    public RestResponse<Object> get(@PathParam("accountId") long accountId,
            @PathParam("sequenceId") long sequenceId) {
        return sequences.findOwned(accountId, sequenceId)
                .<RestResponse<Object>>map(sequence -> RestResponse.ok(new SequenceDetail(sequence.id, sequence.name,
                        sequence.type, sequence.createdAt, sequence.paused,
                        stages.inSequence(sequence.id).stream().map(Stage::toData).toList(), sequence.schedule(),
                        sequence.stopOnReply, sequence.stopOnMeeting)))
                .orElseGet(() -> InternalResponses.notFound("Sequence not found."));
    }

    @GET
    @Path("/stages/{stageId}")
    public RestResponse<Object> stage(@PathParam("accountId") long accountId, @PathParam("stageId") long stageId) {
        return stages.findOwned(accountId, stageId)
                .<RestResponse<Object>>map(stage -> RestResponse.ok(stage.toData()))
                .orElseGet(() -> InternalResponses.notFound("Stage not found."));
    }
}
