package me.wolfeo.sequences.gateway.content;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.common.annotation.Blocking;

import me.wolfeo.sequences.gateway.GatewayConfig;
import me.wolfeo.sequences.gateway.account.CurrentAccount;
import me.wolfeo.sequences.gateway.api.ApiException;
import me.wolfeo.sequences.gateway.api.ApiResponses;
import me.wolfeo.sequences.gateway.api.ContractReader;
import me.wolfeo.sequences.gateway.api.RequestInput;
import me.wolfeo.sequences.gateway.api.ServiceReads;
import me.wolfeo.sequences.gateway.messaging.CommandGateway;
import me.wolfeo.sequences.gateway.security.ApiRoles;
import me.wolfeo.sequences.platform.contract.Topics;
import me.wolfeo.sequences.platform.contract.content.ContentMessageTypes;
import me.wolfeo.sequences.platform.contract.content.ContentUpdated;
import me.wolfeo.sequences.platform.contract.content.EmailMessage;
import me.wolfeo.sequences.platform.contract.content.UpdateContent;
import me.wolfeo.sequences.platform.contract.validation.Required;
import me.wolfeo.sequences.platform.internalapi.ContentServiceClient;

/**
 * "Update Sequence Stage Content": the HTML goes to content-service, which stores it in S3. And its read (not in
 * sequences-api.txt; its REST style), for an editor that opens the stored email.
 */
@RolesAllowed(ApiRoles.ACCOUNT)
@Path("/v1/sequence-stage-content")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class StageContentResource {

    private final CommandGateway commands;
    private final CurrentAccount account;
    private final RequestInput input;
    private final ContractReader reader;
    private final ContentServiceClient contents;
    private final int maxHtmlBytes;

    public StageContentResource(CommandGateway commands, CurrentAccount account, RequestInput input,
            ContractReader reader, @RestClient ContentServiceClient contents, GatewayConfig config) {
        this.contents = contents;
        this.commands = commands;
        this.account = account;
        this.input = input;
        this.reader = reader;
        this.maxHtmlBytes = config.limits().maxHtmlBytes();
    }

    /** The stage whose email is read. */
    record StageQuery(@Required Long stageId) {
    }

    /** A send_email stage's email as stored: its subject, sender and HTML ({@code html} null until uploaded). */
    public record Content(long stageId, long emailId, String subject, String fromName, String fromEmail,
            String html) {

        static Content of(EmailMessage email) {
            return new Content(email.stageId(), email.emailId(), email.subject(), email.fromName(),
                    email.fromEmail(), email.html());
        }
    }

    @GET
    public ApiResponses.Success<Content> get(@Context UriInfo uri) {
        long stageId = reader.read(input.read(null, uri.getQueryParameters()), StageQuery.class).stageId();
        long accountId = account.id();
        return ApiResponses.success(Content.of(ServiceReads.read("Stage not found or not a send_email stage.",
                () -> contents.emailMessage(accountId, stageId))));
    }

    @PUT
    public CompletionStage<ApiResponses.Success<ContentUpdated>> update(byte[] body,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        UpdateContent request = reader.read(input.read(body, null), UpdateContent.class);
        if (request.html().getBytes(StandardCharsets.UTF_8).length > maxHtmlBytes) {
            // this deployment's own limit, below the contract's (ContentRules.MAX_HTML_KIB)
            throw ApiException.validation("html", "The html field must not be larger than " + maxHtmlBytes / 1024
                    + " KiB.");
        }
        long accountId = account.id();
        CommandGateway.Command command = CommandGateway.Command.ofAccount(Topics.CONTENT_COMMANDS,
                ContentMessageTypes.UPDATE_CONTENT, ContentMessageTypes.VERSION, accountId, request);
        return commands.send(command, "PUT /v1/sequence-stage-content", idempotencyKey)
                .thenApply(reply -> ApiResponses.success(commands.dataOf(reply, ContentUpdated.class)));
    }
}
