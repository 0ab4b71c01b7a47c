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

import io.smallrye.common.annotation.Blocking;

import me.wolfeo.sequences.gateway.account.CurrentAccount;
import me.wolfeo.sequences.gateway.api.ApiException;
import me.wolfeo.sequences.gateway.api.ApiResponses;
import me.wolfeo.sequences.gateway.api.Fields;
import me.wolfeo.sequences.gateway.api.Pagination;
import me.wolfeo.sequences.gateway.api.RequestInput;
import me.wolfeo.sequences.gateway.api.ServiceReads;
import me.wolfeo.sequences.gateway.security.ApiRoles;
import me.wolfeo.sequences.gateway.sequence.SequenceViews;
import me.wolfeo.sequences.platform.contract.EmailAddresses;
import me.wolfeo.sequences.platform.contract.enrollment.ContactData;

/** "Get A Contact's Sequences" and "Get A Sequence's Contacts". */
@RolesAllowed(ApiRoles.ACCOUNT)
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ContactListingResource {

    private final EnrollmentServiceClient enrollments;
    private final CurrentAccount account;
    private final RequestInput input;

    public ContactListingResource(@RestClient EnrollmentServiceClient enrollments, CurrentAccount account,
            RequestInput input) {
        this.enrollments = enrollments;
        this.account = account;
        this.input = input;
    }

    @GET
    @Path("/contacts-sequences")
    public ApiResponses.Success<List<SequenceViews.Listed>> sequencesOfContact(@Context UriInfo uri) {
        Fields fields = Fields.of(input.read(null, uri.getQueryParameters()));
        Long contactId = fields.optionalInteger("contact_id", 1, Long.MAX_VALUE);
        String email = fields.optionalString("email", EmailAddresses.MAX_LENGTH);
        if (email != null && !EmailAddresses.isValid(email)) {
            fields.fail("email", "The email field must be a valid email address.");
        }
        if (!fields.has("contact_id") && !fields.has("email")) {
            throw ApiException.validation("contact_id", "The contact id field is required when email is not present.");
        }
        fields.check();
        long accountId = account.id();
        return ApiResponses.success(ServiceReads.read("No contact found for the given parameters.",
                () -> enrollments.sequencesOfContact(accountId, contactId, email)).stream()
                .map(SequenceViews.Listed::of).toList());
    }

    @GET
    @Path("/sequences-contacts")
    public ApiResponses.Paged<ContactData> contactsOfSequence(@Context UriInfo uri) {
        Fields fields = Fields.of(input.read(null, uri.getQueryParameters()));
        Long sequenceId = fields.requiredInteger("sequence_id");
        Pagination pagination = Pagination.of(fields);
        long accountId = account.id();
        return ApiResponses.paged(ServiceReads.read("Sequence not found.",
                () -> enrollments.contactsOfSequence(accountId, sequenceId, pagination.page(),
                        pagination.perPage())),
                contact -> contact);
    }
}
