package me.wolfeo.sequences.platform.contract.sequence;

/** Creates a sequence. {@code type} is {@code normal} or {@code inverted}. */
public record CreateSequence(String name, String type) {
}
