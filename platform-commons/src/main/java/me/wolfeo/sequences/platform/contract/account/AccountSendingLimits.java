package me.wolfeo.sequences.platform.contract.account;

/**
 * An account's sending limits, as the gateway announces them when the operator changes them: at most
 * {@code emailsPerSenderPerDay} emails a day (UTC) from each sender address across all the account's sequences;
 * null: no limit.
 */
public record AccountSendingLimits(long accountId, Integer emailsPerSenderPerDay) {
}
