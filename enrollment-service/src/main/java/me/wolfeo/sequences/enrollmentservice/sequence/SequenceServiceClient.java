package me.wolfeo.sequences.enrollmentservice.sequence;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import me.wolfeo.sequences.platform.contract.sequence.SequenceDetail;
import me.wolfeo.sequences.platform.internalapi.InternalTokenClientFilter;

/** sequence-service's read API, for a sequence not yet seen on sequences.events. */
@RegisterRestClient(configKey = "sequence-service")
@RegisterProvider(InternalTokenClientFilter.class)
@Path("/internal/v1/accounts/{accountId}")
public interface SequenceServiceClient {

    @GET
    @Path("/sequences/{sequenceId}")
    SequenceDetail sequence(@PathParam("accountId") long accountId, @PathParam("sequenceId") long sequenceId);
}
