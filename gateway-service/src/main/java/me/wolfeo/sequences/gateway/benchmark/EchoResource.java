package me.wolfeo.sequences.gateway.benchmark;

import java.util.concurrent.CompletionStage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.common.annotation.Blocking;

import me.wolfeo.sequences.gateway.GatewayConfig;
import me.wolfeo.sequences.gateway.account.CurrentAccount;
import me.wolfeo.sequences.gateway.api.ApiException;
import me.wolfeo.sequences.gateway.api.ApiResponses;
import me.wolfeo.sequences.gateway.api.RequestInput;
import me.wolfeo.sequences.gateway.messaging.CommandGateway;
import me.wolfeo.sequences.gateway.security.ApiRoles;

/**
 * The benchmark's baseline of the messaging hop: the same path as a command (token, JSON, Kafka request-reply,
 * answer) to a responder that only echoes, with no database. Answers 404 unless
 * {@code gateway.benchmark.echo-enabled} is on (only the benchmark turns it on).
 */
@RolesAllowed(ApiRoles.ACCOUNT)
@Path("/v1/benchmark/echo")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class EchoResource {

    /** The topic the benchmark's echo responder reads; created by the benchmark. */
    public static final String TOPIC = "benchmark.echo";

    private final CommandGateway commands;
    private final CurrentAccount account;
    private final RequestInput input;
    private final boolean enabled;

    public EchoResource(CommandGateway commands, CurrentAccount account, RequestInput input, GatewayConfig config) {
        this.commands = commands;
        this.account = account;
        this.input = input;
        this.enabled = config.benchmark().echoEnabled();
    }

    /** Internal: not in the API document (META-INF/openapi.yaml; OpenApiDocumentTest skips hidden operations). */
    @POST
    @Operation(hidden = true)
    public CompletionStage<ApiResponses.Success<JsonNode>> echo(byte[] body) {
        if (!enabled) {
            throw ApiException.notFound("The requested resource does not exist.");
        }
        long accountId = account.id();
        CommandGateway.Command command = CommandGateway.Command.ofAccount(TOPIC, "benchmark.echo", 1, accountId,
                input.read(body, null));
        return commands.send(command, "POST /v1/benchmark/echo", null)
                .thenApply(reply -> ApiResponses.success(commands.dataOf(reply, JsonNode.class)));
    }
}
