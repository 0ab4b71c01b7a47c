package me.wolfeo.sequences.gateway.sequence;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import me.wolfeo.sequences.platform.contract.sequence.SequenceData;
import me.wolfeo.sequences.platform.contract.sequence.SequenceDetail;
import me.wolfeo.sequences.platform.internalapi.InternalTokenClientFilter;
import me.wolfeo.sequences.platform.paging.Page;

/** sequence-service's internal read API (timeouts in application.properties). */
@RegisterRestClient(configKey = "sequence-service")
@RegisterProvider(InternalTokenClientFilter.class)
@Path("/internal/v1/accounts/{accountId}")
public interface SequenceServiceClient {

    @GET
    @Path("/sequences")
    Page<SequenceData> list(@PathParam("accountId") long accountId, @QueryParam("page") int page,
            @QueryParam("per_page") int perPage);

    @GET
    @Path("/sequences/{sequenceId}")
    SequenceDetail get(@PathParam("accountId") long accountId, @PathParam("sequenceId") long sequenceId);
}
