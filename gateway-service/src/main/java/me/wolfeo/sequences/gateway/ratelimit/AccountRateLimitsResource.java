package me.wolfeo.sequences.gateway.ratelimit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;

import me.wolfeo.sequences.gateway.GatewayConfig;
import me.wolfeo.sequences.gateway.account.Account;
import me.wolfeo.sequences.gateway.account.AccountRepository;
import me.wolfeo.sequences.gateway.account.Tokens;
import me.wolfeo.sequences.gateway.api.ApiException;
import me.wolfeo.sequences.gateway.api.ApiResponses;
import me.wolfeo.sequences.gateway.api.ContractReader;
import me.wolfeo.sequences.gateway.api.RequestInput;
import me.wolfeo.sequences.gateway.security.ApiRoles;
import me.wolfeo.sequences.platform.contract.validation.AtLeast;
import me.wolfeo.sequences.platform.contract.validation.AtMost;

/**
 * The operator sets an account's own rate limits (requests per minute per API token): a number, or null to go back
 * to the gateway's default; a field left out stays as it is. Tokens pick a change up within the token cache's
 * time to live, at once on the instance that made it.
 */
@RolesAllowed(ApiRoles.ADMIN)
@Path("/admin/v1/accounts/{accountId}/rate-limits")
@Produces(MediaType.APPLICATION_JSON)
public class AccountRateLimitsResource {

    static final String REST = "rest_requests_per_minute";
    static final String WEBHOOKS = "webhook_requests_per_minute";
    private static final long MAX_PER_MINUTE = 1_000_000;

    private final AccountRepository accounts;
    private final Tokens tokens;
    private final RequestInput input;
    private final ContractReader reader;
    private final GatewayConfig.RateLimits defaults;

    public AccountRateLimitsResource(AccountRepository accounts, Tokens tokens, RequestInput input,
            GatewayConfig config, ContractReader reader) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.input = input;
        this.reader = reader;
        this.defaults = config.rateLimits();
    }

    /** The limits asked for; null sets one back to the default, a field left out leaves it as it is. */
    record RateLimits(@AtLeast(1) @AtMost(MAX_PER_MINUTE) Long restRequestsPerMinute,
            @AtLeast(1) @AtMost(MAX_PER_MINUTE) Long webhookRequestsPerMinute) {
    }

    /** The limits in force, and whether each is the account's own or the default. */
    public record RateLimitsView(long accountId, int restRequestsPerMinute, int webhookRequestsPerMinute,
            boolean restIsDefault, boolean webhooksAreDefault) {
    }

    @GET
    public ApiResponses.Success<RateLimitsView> show(@PathParam("accountId") long accountId) {
        return ApiResponses.success(view(accounts.require(accountId)));
    }

    @PUT
    public ApiResponses.Success<RateLimitsView> update(@PathParam("accountId") long accountId, byte[] body) {
        ObjectNode request = input.read(body, null);
        if (!request.has(REST) && !request.has(WEBHOOKS)) {
            throw ApiException.validation(REST,
                    "Give " + REST + " or " + WEBHOOKS + " (a number, or null for the default).");
        }
        RateLimits limits = reader.read(request, RateLimits.class);
        Long rest = limits.restRequestsPerMinute();
        Long webhooks = limits.webhookRequestsPerMinute();
        RateLimitsView updated = QuarkusTransaction.requiringNew().call(() -> {
            Account account = accounts.require(accountId);
            if (request.has(REST)) {
                account.restRequestsPerMinute = rest == null ? null : rest.intValue();
            }
            if (request.has(WEBHOOKS)) {
                account.webhookRequestsPerMinute = webhooks == null ? null : webhooks.intValue();
            }
            return view(account);
        });
        // After the commit, as for a revocation: the trusted tokens carry the limits they were looked up with.
        tokens.forgetAll();
        return ApiResponses.success(updated);
    }

    private RateLimitsView view(Account account) {
        return new RateLimitsView(account.id,
                account.restRequestsPerMinute == null ? defaults.restPerMinute() : account.restRequestsPerMinute,
                account.webhookRequestsPerMinute == null
                        ? defaults.webhooksPerMinute()
                        : account.webhookRequestsPerMinute,
                account.restRequestsPerMinute == null, account.webhookRequestsPerMinute == null);
    }
}
