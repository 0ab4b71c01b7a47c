package me.wolfeo.sequences.gateway.enrollment;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import me.wolfeo.sequences.platform.contract.enrollment.ContactData;
import me.wolfeo.sequences.platform.contract.enrollment.EnrollmentProgress;
import me.wolfeo.sequences.platform.contract.sequence.SequenceData;
import me.wolfeo.sequences.platform.internalapi.InternalTokenClientFilter;
import me.wolfeo.sequences.platform.paging.Page;

/** enrollment-service's internal read API (timeouts in application.properties). */
@RegisterRestClient(configKey = "enrollment-service")
@RegisterProvider(InternalTokenClientFilter.class)
@Path("/internal/v1/accounts/{accountId}")
public interface EnrollmentServiceClient {

    @GET
    @Path("/contact-sequences")
    List<SequenceData> sequencesOfContact(@PathParam("accountId") long accountId,
            @QueryParam("contact_id") Long contactId, @QueryParam("email") String email);

    @GET
    @Path("/contacts/{contactId}/sequences/{sequenceId}/progress")
    EnrollmentProgress progress(@PathParam("accountId") long accountId, @PathParam("contactId") long contactId,
            @PathParam("sequenceId") long sequenceId);

    @GET
    @Path("/sequences/{sequenceId}/contacts")
    Page<ContactData> contactsOfSequence(@PathParam("accountId") long accountId,
            @PathParam("sequenceId") long sequenceId, @QueryParam("page") int page,
            @QueryParam("per_page") int perPage, @QueryParam("include") String include);
}
