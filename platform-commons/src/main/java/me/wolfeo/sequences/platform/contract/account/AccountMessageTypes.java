package me.wolfeo.sequences.platform.contract.account;

/** Types of the messages on {@code accounts.events}, emitted by the gateway, which owns accounts; version 1. */
public final class AccountMessageTypes {

    public static final int VERSION = 1;

    /** Event, data {@link AccountData}. */
    public static final String ACCOUNT_CREATED = "account.created";

    /** Event, data {@link AccountSendingLimits}. */
    public static final String SENDING_LIMITS_CHANGED = "account.sending_limits_changed";

    private AccountMessageTypes() {
    }
}
