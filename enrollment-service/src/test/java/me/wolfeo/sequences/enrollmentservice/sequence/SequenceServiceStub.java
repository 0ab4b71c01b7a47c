package me.wolfeo.sequences.enrollmentservice.sequence;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import me.wolfeo.sequences.platform.contract.sequence.SequenceDetail;
import me.wolfeo.sequences.platform.internalapi.InternalApi;

/**
 * Stands in for sequence-service's read API (GET /internal/v1/accounts/{a}/sequences/{id}) in this module's tests:
 * a sequence is "in sequence-service" once a test registers it. The real one is exercised by system-tests.
 */
@RolesAllowed(InternalApi.CALLER_ROLE)
@Path("/internal/v1/accounts/{accountId}/sequences/{sequenceId}")
@Produces(MediaType.APPLICATION_JSON)
public class SequenceServiceStub {

    private static final Map<String, SequenceDetail> SEQUENCES = new ConcurrentHashMap<>();

    public static void register(long accountId, SequenceDetail sequence) {
        SEQUENCES.put(accountId + "/" + sequence.id(), sequence);
    }

    @GET
    public SequenceDetail sequence(@PathParam("accountId") long accountId, @PathParam("sequenceId") long sequenceId) {
        SequenceDetail sequence = SEQUENCES.get(accountId + "/" + sequenceId);
        if (sequence == null) {
            throw new NotFoundException();
        }
        return sequence;
    }
}
