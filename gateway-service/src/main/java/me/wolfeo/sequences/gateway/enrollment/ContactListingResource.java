package me.wolfeo.sequences.gateway.enrollment;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.common.annotation.Blocking;

import me.wolfeo.sequences.gateway.account.CurrentAccount;
import me.wolfeo.sequences.gateway.api.ApiException;
import me.wolfeo.sequences.gateway.api.ApiResponses;
import me.wolfeo.sequences.gateway.api.ApiTime;
import me.wolfeo.sequences.gateway.api.ContractReader;
import me.wolfeo.sequences.gateway.api.Pagination;
import me.wolfeo.sequences.gateway.api.RequestInput;
import me.wolfeo.sequences.gateway.api.ServiceReads;
import me.wolfeo.sequences.gateway.security.ApiRoles;
import me.wolfeo.sequences.gateway.sequence.SequenceViews;
import me.wolfeo.sequences.platform.contract.EmailAddresses;
import me.wolfeo.sequences.platform.contract.enrollment.ContactData;
import me.wolfeo.sequences.platform.contract.enrollment.ContactProgress;
import me.wolfeo.sequences.platform.contract.validation.AtLeast;
import me.wolfeo.sequences.platform.contract.validation.EmailAddress;
import me.wolfeo.sequences.platform.contract.validation.MaxLength;
import me.wolfeo.sequences.platform.contract.validation.OneOf;
import me.wolfeo.sequences.platform.contract.validation.Required;

/** "Get A Contact's Sequences" and "Get A Sequence's Contacts". */
@RolesAllowed(ApiRoles.ACCOUNT)
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ContactListingResource {

    static final String PROGRESS = "progress";

    private final EnrollmentServiceClient enrollments;
    private final CurrentAccount account;
    private final RequestInput input;
    private final ContractReader reader;

    public ContactListingResource(@RestClient EnrollmentServiceClient enrollments, CurrentAccount account,
            RequestInput input, ContractReader reader) {
        this.enrollments = enrollments;
        this.account = account;
        this.input = input;
        this.reader = reader;
    }

    /** The contact whose sequences are listed: by id, or by email. */
    record ContactQuery(@AtLeast(1) Long contactId,
            @MaxLength(EmailAddresses.MAX_LENGTH) @EmailAddress String email) {
    }

    /** The sequence whose contacts are listed; {@code include=progress} adds where each stands in it. */
    record SequenceQuery(@Required Long sequenceId, @OneOf(PROGRESS) String include) {
    }

    /**
     * A listed contact: the fields of "Get A Sequence's Contacts", plus its {@code progress} when asked for (left
     * out otherwise, so that the published answer is unchanged).
     */
    public record SequenceContact(long id, String email, String firstName, String lastName,
            @JsonInclude(JsonInclude.Include.NON_NULL) Progress progress) {

        static SequenceContact of(ContactData contact) {
            return new SequenceContact(contact.id(), contact.email(), contact.firstName(), contact.lastName(),
                    contact.progress() == null ? null : Progress.of(contact.progress()));
        }
    }

    /** Where the contact stands in the sequence, and the source and id (or phone number) the webhooks know it by. */
    public record Progress(long enrollmentId, String state, Integer step, String nextDueAt, String waitingFor,
            String source, String id, String phoneNumber) {

        static Progress of(ContactProgress progress) {
            return new Progress(progress.enrollmentId(), progress.state(), progress.step(),
                    progress.nextDueAt() == null ? null : ApiTime.format(progress.nextDueAt()),
                    progress.waitingFor(), progress.source(), progress.id(), progress.phoneNumber());
        }
    }

    @GET
    @Path("/contacts-sequences")
    public ApiResponses.Success<List<SequenceViews.Listed>> sequencesOfContact(@Context UriInfo uri) {
        ContactQuery query = reader.read(input.read(null, uri.getQueryParameters()), ContactQuery.class);
        if (query.contactId() == null && query.email() == null) {
            throw ApiException.validation("contact_id", "The contact id field is required when email is not present.");
        }
        long accountId = account.id();
        return ApiResponses.success(ServiceReads.read("No contact found for the given parameters.",
                () -> enrollments.sequencesOfContact(accountId, query.contactId(), query.email())).stream()
                .map(SequenceViews.Listed::of).toList());
    }

    @GET
    @Path("/sequences-contacts")
    public ApiResponses.Paged<SequenceContact> contactsOfSequence(@Context UriInfo uri) {
        ObjectNode query = input.read(null, uri.getQueryParameters());
        SequenceQuery sequence = reader.read(query, SequenceQuery.class);
        long sequenceId = sequence.sequenceId();
        Pagination pagination = Pagination.of(reader, query);
        long accountId = account.id();
        return ApiResponses.paged(ServiceReads.read("Sequence not found.",
                () -> enrollments.contactsOfSequence(accountId, sequenceId, pagination.page(),
                        pagination.perPage(), sequence.include())),
                SequenceContact::of);
    }
}
