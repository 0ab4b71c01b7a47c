package me.wolfeo.sequences.enrollmentservice.enrollment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

import me.wolfeo.sequences.enrollmentservice.contact.ContactRepository;
import me.wolfeo.sequences.platform.http.InternalResponses;
import me.wolfeo.sequences.platform.internalapi.InternalApi;

/** Internal read API: one enrollment's progress, for the gateway's "contact-sequence" read. */
@RolesAllowed(InternalApi.CALLER_ROLE)
@Path("/internal/v1/accounts/{accountId}/contacts/{contactId}/sequences/{sequenceId}/progress")
@Produces(MediaType.APPLICATION_JSON)
public class EnrollmentQueryResource {

    private final ContactRepository contacts;
    private final EnrollmentRepository enrollments;
    private final EnrollmentProgressReader progress;

    public EnrollmentQueryResource(ContactRepository contacts, EnrollmentRepository enrollments,
            EnrollmentProgressReader progress) {
        this.contacts = contacts;
        this.enrollments = enrollments;
        this.progress = progress;
    }

    /** The contact's latest enrollment in the sequence, ended or not. */
    @GET
    @Transactional
    public RestResponse<Object> progress(@PathParam("accountId") long accountId,
            @PathParam("contactId") long contactId, @PathParam("sequenceId") long sequenceId) {
        if (contacts.findOwned(accountId, contactId).isEmpty()) {
            return InternalResponses.notFound("Contact not found.");
        }
        return enrollments.latestOf(contactId, sequenceId)
                .<RestResponse<Object>>map(enrollment -> RestResponse.ok(progress.progressOf(enrollment)))
                .orElseGet(() -> InternalResponses.notFound("The contact was never enrolled in this sequence."));
    }
}
