package me.wolfeo.sequences.gateway.content;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.common.annotation.Blocking;

import me.wolfeo.sequences.gateway.GatewayConfig;
import me.wolfeo.sequences.gateway.account.CurrentAccount;
import me.wolfeo.sequences.gateway.api.ApiResponses;
import me.wolfeo.sequences.gateway.api.Fields;
import me.wolfeo.sequences.gateway.api.RequestInput;
import me.wolfeo.sequences.gateway.messaging.CommandGateway;
import me.wolfeo.sequences.gateway.security.ApiRoles;
import me.wolfeo.sequences.platform.contract.EmailAddresses;
import me.wolfeo.sequences.platform.contract.Text;
import me.wolfeo.sequences.platform.contract.Topics;
import me.wolfeo.sequences.platform.contract.content.ContentMessageTypes;
import me.wolfeo.sequences.platform.contract.content.ContentRules;
import me.wolfeo.sequences.platform.contract.content.ContentUpdated;
import me.wolfeo.sequences.platform.contract.content.UpdateContent;

/** "Update Sequence Stage Content": the HTML goes to content-service, which stores it in S3. */
@RolesAllowed(ApiRoles.ACCOUNT)
@Path("/v1/sequence-stage-content")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class StageContentResource {

    private final CommandGateway commands;
    private final CurrentAccount account;
    private final RequestInput input;
    private final int maxHtmlBytes;

    public StageContentResource(CommandGateway commands, CurrentAccount account, RequestInput input,
            GatewayConfig config) {
        this.commands = commands;
        this.account = account;
        this.input = input;
        this.maxHtmlBytes = Math.min(config.limits().maxHtmlBytes(), ContentRules.MAX_HTML_BYTES);
    }

    @PUT
    public CompletionStage<ApiResponses.Success<ContentUpdated>> update(byte[] body,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        ObjectNode request = input.read(body, null);
        Fields fields = Fields.of(request);
        Long stageId = fields.requiredInteger("stage_id");
        String html = html(request, fields);
        String subject = fields.optionalString("subject", ContentRules.SUBJECT_MAX_LENGTH);
        String fromName = fields.optionalString("from_name", ContentRules.FROM_NAME_MAX_LENGTH);
        String fromEmail = fields.optionalString("from_email", EmailAddresses.MAX_LENGTH);
        if (fromEmail != null && !EmailAddresses.isValid(fromEmail)) {
            fields.fail("from_email", "The from email field must be a valid email address.");
        }
        fields.check();
        long accountId = account.id();
        CommandGateway.Command command = CommandGateway.Command.ofAccount(Topics.CONTENT_COMMANDS,
                ContentMessageTypes.UPDATE_CONTENT, ContentMessageTypes.VERSION, accountId,
                new UpdateContent(stageId, html, subject, fromName, fromEmail));
        return commands.send(command, "PUT /v1/sequence-stage-content", idempotencyKey)
                .thenApply(reply -> ApiResponses.success(commands.dataOf(reply, ContentUpdated.class)));
    }

    /** The HTML exactly as sent (not trimmed), required, and within the size limit. */
    private String html(ObjectNode request, Fields fields) {
        if (request.get("html") == null || request.get("html").isNull()
                || (request.get("html").isTextual() && request.get("html").asText().isEmpty())) {
            return fields.fail("html", "The html field is required.");
        }
        if (!request.get("html").isTextual()) {
            return fields.fail("html", "The html field must be a string.");
        }
        String html = request.get("html").asText();
        if (!Text.isStorableMultiline(html)) {
            return fields.fail("html", Text.unstorableMessage("html"));
        }
        if (html.getBytes(StandardCharsets.UTF_8).length > maxHtmlBytes) {
            return fields.fail("html", "The html field must not be larger than " + maxHtmlBytes / 1024 + " KiB.");
        }
        return html;
    }
}
