package me.wolfeo.sequences.platform.contract.sequence;

import java.util.List;

/** The limits of a sequence that both the gateway (on input) and sequence-service (on commands) enforce. */
public final class SequenceRules {

    public static final int NAME_MAX_LENGTH = 255;
    public static final String DEFAULT_TYPE = "normal";
    public static final List<String> TYPES = List.of("normal", "inverted");

    private SequenceRules() {
    }
}
