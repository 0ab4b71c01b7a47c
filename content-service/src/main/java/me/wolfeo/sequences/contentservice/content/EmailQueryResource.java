package me.wolfeo.sequences.contentservice.content;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

import me.wolfeo.sequences.platform.contract.content.EmailMessage;
import me.wolfeo.sequences.platform.http.InternalResponses;
import me.wolfeo.sequences.platform.internalapi.InternalApi;

/**
 * Internal read API of content-service, for the services that need a stage's email: sequence-service (may the stage
 * be activated?) and the sequence engine (what does it send?). Not exposed outside the cluster; every path is
 * scoped by account.
 */
@RolesAllowed(InternalApi.CALLER_ROLE)
@Path("/internal/v1/accounts/{accountId}")
@Produces(MediaType.APPLICATION_JSON)
public class EmailQueryResource {

    private static final Logger LOG = Logger.getLogger(EmailQueryResource.class);

    private final EmailRepository emails;
    private final EmailStorage storage;

    public EmailQueryResource(EmailRepository emails, EmailStorage storage) {
        this.emails = emails;
        this.storage = storage;
    }

    /** The stage's email with its HTML read back from S3 ({@code html} null until uploaded). */
    @GET
    @Path("/stages/{stageId}/email-message")
    public RestResponse<Object> emailMessage(@PathParam("accountId") long accountId,
            @PathParam("stageId") long stageId) {
        return emails.findOwnedByStage(accountId, stageId)
                .<RestResponse<Object>>map(email -> RestResponse.ok(new EmailMessage(email.id, email.stageId,
                        email.subject, email.fromName, email.fromEmail, html(email))))
                .orElseGet(() -> InternalResponses.notFound("Email not found."));
    }

    private String html(Email email) {
        if (!email.hasHtml()) {
            return null;
        }
        String html = storage.get(email.id).orElse(null);
        if (html == null) {
            LOG.warnf("The HTML of email %d is recorded but missing from storage", email.id);
        }
        return html;
    }
}
