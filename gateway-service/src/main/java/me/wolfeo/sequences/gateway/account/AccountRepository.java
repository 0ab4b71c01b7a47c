package me.wolfeo.sequences.gateway.account;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import me.wolfeo.sequences.gateway.api.ApiException;

@ApplicationScoped
public class AccountRepository implements PanacheRepository<Account> {

    /** The account, or the admin API's 404. */
    public Account require(long accountId) {
        Account account = findById(accountId);
        if (account == null) {
            throw ApiException.notFound("Account not found.");
        }
        return account;
    }
}
