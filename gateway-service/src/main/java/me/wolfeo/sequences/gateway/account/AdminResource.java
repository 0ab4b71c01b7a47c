package me.wolfeo.sequences.gateway.account;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

import me.wolfeo.sequences.gateway.api.ApiException;
import me.wolfeo.sequences.gateway.api.ApiResponses;
import me.wolfeo.sequences.gateway.api.ApiTime;
import me.wolfeo.sequences.gateway.api.ContractReader;
import me.wolfeo.sequences.gateway.api.RequestInput;
import me.wolfeo.sequences.gateway.security.ApiRoles;
import me.wolfeo.sequences.platform.contract.validation.MaxLength;
import me.wolfeo.sequences.platform.contract.validation.Required;
import me.wolfeo.sequences.platform.contract.validation.Storable;

/** The operator's API: accounts and their tokens. Only for the operator's X-Admin-Key. */
@RolesAllowed(ApiRoles.ADMIN)
@Path("/admin/v1")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private final AccountRepository accounts;
    private final Tokens tokens;
    private final AccountEvents events;
    private static final int ACCOUNT_NAME_MAX_LENGTH = 255;

    private final RequestInput input;
    private final ContractReader reader;

    public AdminResource(AccountRepository accounts, Tokens tokens, AccountEvents events, RequestInput input,
            ContractReader reader) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.events = events;
        this.input = input;
        this.reader = reader;
    }

    public record TokenView(long id, long accountId, String token, String createdAt) {

        static TokenView of(Tokens.IssuedToken issued) {
            return new TokenView(issued.id(), issued.accountId(), issued.secret(), ApiTime.format(issued.createdAt()));
        }
    }

    public record AccountView(long id, String name, String createdAt, TokenView token) {
    }

    public record RevokedView(long id, boolean revoked) {
    }

    /** The account asked for. */
    record NewAccount(@Required @Storable @MaxLength(ACCOUNT_NAME_MAX_LENGTH) String name) {
    }

    /** Creates an account and its first token; the token's secret is shown only in this answer. */
    @POST
    @Path("/accounts")
    @Transactional
    public RestResponse<ApiResponses.Success<AccountView>> createAccount(byte[] body) {
        NewAccount request = reader.read(input.read(body, null), NewAccount.class);
        Account account = new Account();
        account.name = request.name();
        account.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        accounts.persist(account);
        events.created(account);
        Tokens.IssuedToken token = tokens.issue(account.id);
        return RestResponse.status(RestResponse.Status.CREATED, ApiResponses.success(
                new AccountView(account.id, account.name, ApiTime.format(account.createdAt), TokenView.of(token))));
    }

    @POST
    @Path("/accounts/{accountId}/tokens")
    @Transactional
    public RestResponse<ApiResponses.Success<TokenView>> issueToken(@PathParam("accountId") long accountId) {
        accounts.require(accountId);
        return RestResponse.status(RestResponse.Status.CREATED,
                ApiResponses.success(TokenView.of(tokens.issue(accountId))));
    }

    @DELETE
    @Path("/tokens/{tokenId}")
    public ApiResponses.Success<RevokedView> revokeToken(@PathParam("tokenId") long tokenId) {
        if (!tokens.revoke(tokenId)) {
            throw ApiException.notFound("Token not found.");
        }
        return ApiResponses.success(new RevokedView(tokenId, true));
    }
}
