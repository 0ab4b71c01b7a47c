package me.wolfeo.sequences.platform.contract.sequence;

/** The limits of a sequence that both the gateway (on input) and sequence-service (on commands) enforce. */
public final class SequenceRules {

    public static final int NAME_MAX_LENGTH = 255;
    public static final String NORMAL = "normal";
    public static final String INVERTED = "inverted";
    public static final String DEFAULT_TYPE = NORMAL;

    private SequenceRules() {
    }
}
