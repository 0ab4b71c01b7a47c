package me.wolfeo.sequences.platform.internalapi;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import me.wolfeo.sequences.platform.contract.content.EmailMessage;

/**
 * content-service's internal read API, for the services that read a stage's email: the gateway (the dashboard's
 * editor), sequence-service (may the stage be activated?) and enrollment-service's engine (what does it send?).
 * Each sets {@code quarkus.rest-client.content-service.url} and its timeouts.
 */
@RegisterRestClient(configKey = "content-service")
@RegisterProvider(InternalTokenClientFilter.class)
@Path("/internal/v1/accounts/{accountId}")
public interface ContentServiceClient {

    /** The stage's email, its HTML read back from storage ({@code html} null until uploaded). */
    @GET
    @Path("/stages/{stageId}/email-message")
    EmailMessage emailMessage(@PathParam("accountId") long accountId, @PathParam("stageId") long stageId);
}
