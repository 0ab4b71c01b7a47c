package me.wolfeo.sequences.contentservice.stage;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import me.wolfeo.sequences.platform.contract.sequence.StageData;
import me.wolfeo.sequences.platform.internalapi.InternalTokenClientFilter;

/** sequence-service's read API, for a stage not yet seen on sequences.events. */
@RegisterRestClient(configKey = "sequence-service")
@RegisterProvider(InternalTokenClientFilter.class)
@Path("/internal/v1/accounts/{accountId}")
public interface SequenceServiceClient {

    @GET
    @Path("/stages/{stageId}")
    StageData stage(@PathParam("accountId") long accountId, @PathParam("stageId") long stageId);
}
