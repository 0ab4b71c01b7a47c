package me.wolfeo.sequences.platform.contract.account;

import java.time.Instant;

/** An account (tenant), as the gateway announces it. */
public record AccountData(long id, String name, Instant createdAt) {
}
