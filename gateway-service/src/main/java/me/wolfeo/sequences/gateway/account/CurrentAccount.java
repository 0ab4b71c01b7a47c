package me.wolfeo.sequences.gateway.account;

import jakarta.enterprise.context.RequestScoped;

/** The account whose token authenticated the current /v1 request. */
@RequestScoped
public class CurrentAccount {

    private Long accountId;

    void set(long accountId) {
        this.accountId = accountId;
    }

    public long id() {
        if (accountId == null) {
            throw new IllegalStateException("No authenticated account in this request");
        }
        return accountId;
    }
}
