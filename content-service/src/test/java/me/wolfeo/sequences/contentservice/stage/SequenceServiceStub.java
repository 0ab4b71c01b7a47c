package me.wolfeo.sequences.contentservice.stage;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import me.wolfeo.sequences.platform.contract.sequence.StageData;
import me.wolfeo.sequences.platform.internalapi.InternalApi;

/**
 * Stands in for sequence-service's read API (GET /internal/v1/accounts/{a}/stages/{id}) in this module's tests:
 * a stage is "in sequence-service" once a test registers it. The real one is exercised by system-tests.
 */
@RolesAllowed(InternalApi.CALLER_ROLE)
@Path("/internal/v1/accounts/{accountId}/stages/{stageId}")
@Produces(MediaType.APPLICATION_JSON)
public class SequenceServiceStub {

    private static final Map<String, StageData> STAGES = new ConcurrentHashMap<>();

    public static void register(long accountId, StageData stage) {
        STAGES.put(accountId + "/" + stage.id(), stage);
    }

    @GET
    public StageData stage(@PathParam("accountId") long accountId, @PathParam("stageId") long stageId) {
        StageData stage = STAGES.get(accountId + "/" + stageId);
        if (stage == null) {
            throw new NotFoundException();
        }
        return stage;
    }
}
