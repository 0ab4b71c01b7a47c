package me.wolfeo.sequences.enrollmentservice.contact;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

import me.wolfeo.sequences.enrollmentservice.enrollment.ContactProgressReader;
import me.wolfeo.sequences.enrollmentservice.enrollment.EnrollmentRepository;
import me.wolfeo.sequences.enrollmentservice.sequence.SequenceDirectory;
import me.wolfeo.sequences.enrollmentservice.sequence.SequenceProjection;
import me.wolfeo.sequences.enrollmentservice.sequence.SequenceProjectionRepository;
import me.wolfeo.sequences.platform.contract.enrollment.ContactData;
import me.wolfeo.sequences.platform.contract.enrollment.ContactProgress;
import me.wolfeo.sequences.platform.contract.sequence.SequenceData;
import me.wolfeo.sequences.platform.http.InternalResponses;
import me.wolfeo.sequences.platform.internalapi.InternalApi;
import me.wolfeo.sequences.platform.paging.Page;

/** Internal read API of enrollment-service, for the gateway's two listings. Every path is scoped by account. */
@RolesAllowed(InternalApi.CALLER_ROLE)
@Path("/internal/v1/accounts/{accountId}")
@Produces(MediaType.APPLICATION_JSON)
public class ContactQueryResource {

    /** The value of {@code include} that adds each contact's progress to a sequence's contacts. */
    public static final String INCLUDE_PROGRESS = "progress";

    private final ContactRepository contacts;
    private final EnrollmentRepository enrollments;
    private final SequenceProjectionRepository sequenceProjection;
    private final SequenceDirectory sequences;
    private final ContactProgressReader progress;

    public ContactQueryResource(ContactRepository contacts, EnrollmentRepository enrollments,
            SequenceProjectionRepository sequenceProjection, SequenceDirectory sequences,
            ContactProgressReader progress) {
        this.progress = progress;
        this.contacts = contacts;
        this.enrollments = enrollments;
        this.sequenceProjection = sequenceProjection;
        this.sequences = sequences;
    }

    /**
     * The sequences the contacts matching every given parameter are enrolled in now. With an email, that is every
     * contact of the account with that address (case-insensitive).
     */
    @GET
    @Path("/contact-sequences")
    public RestResponse<Object> sequencesOfContact(@PathParam("accountId") long accountId,
            @QueryParam("contact_id") Long contactId, @QueryParam("email") String email) {
        if (contactId == null && (email == null || email.isBlank())) {
            throw new BadRequestException("contact_id or email is required");
        }
        List<Contact> matching = contactId != null
                ? contacts.findOwned(accountId, contactId).stream()
                        .filter(contact -> email == null || email.equalsIgnoreCase(contact.email)).toList()
                : contacts.withEmail(accountId, email);
        if (matching.isEmpty()) {
            return InternalResponses.notFound("No contact found for the given parameters.");
        }
        List<Long> sequenceIds = enrollments.activeSequenceIdsOf(matching.stream().map(contact -> contact.id)
                .toList());
        List<SequenceData> enrolledIn = sequenceIds.isEmpty()
                ? List.of()
                : sequenceProjection.live(sequenceIds).stream().map(SequenceProjection::toData).toList();
        return RestResponse.ok(enrolledIn);
    }

    /**
     * The contacts enrolled in a sequence now, a page at a time in contact id order; with {@code include=progress},
     * each with where it stands ({@link ContactProgress}).
     */
    @GET
    @Path("/sequences/{sequenceId}/contacts")
    @Transactional
    public RestResponse<Object> contactsOfSequence(@PathParam("accountId") long accountId,
            @PathParam("sequenceId") long sequenceId, @QueryParam("page") @DefaultValue("1") int page,
            @QueryParam("per_page") @DefaultValue("50") int perPage, @QueryParam("include") String include) {
        if (page < 1 || perPage < 1 || perPage > 100) {
            throw new BadRequestException("page must be >= 1 and per_page 1..100");
        }
        if (include != null && !include.equals(INCLUDE_PROGRESS)) {
            throw new BadRequestException("include must be " + INCLUDE_PROGRESS);
        }
        if (sequences.findLive(accountId, sequenceId).isEmpty()) {
            return InternalResponses.notFound("Sequence not found.");
        }
        long total = enrollments.countContactsIn(sequenceId);
        // A page past the end is empty (its offset, as a long, may be beyond any int).
        List<Contact> listed = Page.offset(page, perPage) >= total
                ? List.of()
                : enrollments.contactsIn(sequenceId, page, perPage);
        Map<Long, ContactProgress> standing = INCLUDE_PROGRESS.equals(include)
                ? progress.progressIn(sequenceId, listed)
                : Map.of();
        List<ContactData> items = listed.stream()
                .map(contact -> contact.toData().withProgress(standing.get(contact.id)))
                .toList();
        return RestResponse.ok(new Page<>(items, page, perPage, total));
    }
}
