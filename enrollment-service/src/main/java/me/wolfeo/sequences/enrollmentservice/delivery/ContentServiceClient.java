package me.wolfeo.sequences.enrollmentservice.delivery;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import me.wolfeo.sequences.platform.contract.content.EmailMessage;

/** content-service's read API: what a send_email stage sends. */
@RegisterRestClient(configKey = "content-service")
@Path("/internal/v1/accounts/{accountId}")
public interface ContentServiceClient {

    @GET
    @Path("/stages/{stageId}/email-message")
    EmailMessage emailMessage(@PathParam("accountId") long accountId, @PathParam("stageId") long stageId);
}
