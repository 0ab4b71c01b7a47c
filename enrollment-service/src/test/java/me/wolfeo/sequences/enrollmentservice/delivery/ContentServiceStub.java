package me.wolfeo.sequences.enrollmentservice.delivery;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import me.wolfeo.sequences.platform.contract.content.EmailMessage;
import me.wolfeo.sequences.platform.internalapi.InternalApi;

/**
 * Stands in for content-service's read API (GET /internal/v1/accounts/{a}/stages/{id}/email-message) in this
 * module's tests: a stage has email content once a test registers it. The real one is exercised by system-tests.
 */
@RolesAllowed(InternalApi.CALLER_ROLE)
@Path("/internal/v1/accounts/{accountId}/stages/{stageId}/email-message")
@Produces(MediaType.APPLICATION_JSON)
public class ContentServiceStub {

    private static final Map<String, EmailMessage> EMAILS = new ConcurrentHashMap<>();

    public static void register(long accountId, EmailMessage email) {
        EMAILS.put(accountId + "/" + email.stageId(), email);
    }

    @GET
    public EmailMessage email(@PathParam("accountId") long accountId, @PathParam("stageId") long stageId) {
        EmailMessage email = EMAILS.get(accountId + "/" + stageId);
        if (email == null) {
            throw new NotFoundException();
        }
        return email;
    }
}
