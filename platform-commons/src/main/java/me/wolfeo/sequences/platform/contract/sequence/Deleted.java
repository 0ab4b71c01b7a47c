package me.wolfeo.sequences.platform.contract.sequence;

/** The reply to a delete command. */
public record Deleted(boolean deleted) {

    public static final Deleted YES = new Deleted(true);
}
