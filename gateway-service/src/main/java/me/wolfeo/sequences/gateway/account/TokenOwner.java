package me.wolfeo.sequences.gateway.account;

/**
 * Who an active API token belongs to, with the account's own rate limits (null where the account keeps the
 * gateway's default).
 */
public record TokenOwner(long accountId, long tokenId, Integer restRequestsPerMinute,
        Integer webhookRequestsPerMinute) {
}
