package me.wolfeo.sequences.gateway.account;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;

import me.wolfeo.sequences.gateway.api.ApiException;
import me.wolfeo.sequences.gateway.api.ApiResponses;
import me.wolfeo.sequences.gateway.api.ContractReader;
import me.wolfeo.sequences.gateway.api.RequestInput;
import me.wolfeo.sequences.gateway.security.ApiRoles;
import me.wolfeo.sequences.platform.contract.validation.AtLeast;
import me.wolfeo.sequences.platform.contract.validation.AtMost;

/**
 * The operator caps an account's emails per sender address per day (UTC), across all its sequences: a number, or
 * null for no cap. The change is announced on {@code accounts.events} in the same transaction; the engine holds an
 * email step past the cap until the next day, as a throttle (nothing is dropped).
 */
@RolesAllowed(ApiRoles.ADMIN)
@Path("/admin/v1/accounts/{accountId}/sending-limits")
@Produces(MediaType.APPLICATION_JSON)
public class AccountSendingLimitsResource {

    static final String EMAILS_PER_SENDER_PER_DAY = "emails_per_sender_per_day";
    private static final long MAX_PER_DAY = 10_000_000;

    private final AccountRepository accounts;
    private final AccountEvents events;
    private final RequestInput input;
    private final ContractReader reader;

    public AccountSendingLimitsResource(AccountRepository accounts, AccountEvents events, RequestInput input,
            ContractReader reader) {
        this.accounts = accounts;
        this.events = events;
        this.input = input;
        this.reader = reader;
    }

    /** The cap asked for; null lifts it. */
    record SendingLimits(@AtLeast(1) @AtMost(MAX_PER_DAY) Long emailsPerSenderPerDay) {
    }

    /** The cap in force; null when the account has none. */
    public record SendingLimitsView(long accountId, Integer emailsPerSenderPerDay) {
    }

    @GET
    public ApiResponses.Success<SendingLimitsView> show(@PathParam("accountId") long accountId) {
        return ApiResponses.success(view(accounts.require(accountId)));
    }

    @PUT
    public ApiResponses.Success<SendingLimitsView> update(@PathParam("accountId") long accountId, byte[] body) {
        ObjectNode request = input.read(body, null);
        if (!request.has(EMAILS_PER_SENDER_PER_DAY)) {
            throw ApiException.validation(EMAILS_PER_SENDER_PER_DAY,
                    "Give " + EMAILS_PER_SENDER_PER_DAY + " (a number, or null for no cap).");
        }
        Long perDay = reader.read(request, SendingLimits.class).emailsPerSenderPerDay();
        return ApiResponses.success(QuarkusTransaction.requiringNew().call(() -> {
            Account account = accounts.require(accountId);
            account.emailsPerSenderPerDay = perDay == null ? null : perDay.intValue();
            events.sendingLimitsChanged(account);
            return view(account);
        }));
    }

    private static SendingLimitsView view(Account account) {
        return new SendingLimitsView(account.id, account.emailsPerSenderPerDay);
    }
}
