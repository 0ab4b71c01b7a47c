package me.wolfeo.sequences.platform.contract.sequence;

/** Types of the messages on {@code sequences.commands} and {@code sequences.events}; all are version 1. */
public final class SequenceMessageTypes {

    public static final int VERSION = 1;

    /** Command, data {@link CreateSequence}, reply {@link SequenceData}. */
    public static final String CREATE_SEQUENCE = "sequence.create";
    /** Command, data {@link DeleteSequence}, reply {@link Deleted}. */
    public static final String DELETE_SEQUENCE = "sequence.delete";

    /** Command, data {@link CreateStage}, reply {@link StageData}. */
    public static final String CREATE_STAGE = "stage.create";
    /** Command, data {@link DeleteStage}, reply {@link Deleted}. */
    public static final String DELETE_STAGE = "stage.delete";

    /** Event, data {@link SequenceData}. */
    public static final String SEQUENCE_CREATED = "sequence.created";
    /** Event, data {@link SequenceDeleted}. */
    public static final String SEQUENCE_DELETED = "sequence.deleted";
    /** Event, data {@link StageData}. */
    public static final String STAGE_CREATED = "stage.created";
    /** Event, data {@link StageDeleted}. */
    public static final String STAGE_DELETED = "stage.deleted";

    private SequenceMessageTypes() {
    }
}
