package me.wolfeo.sequences.platform.contract.sequence;

/** Types of the messages on {@code sequences.commands} and {@code sequences.events}; all are version 1. */
public final class SequenceMessageTypes {

    public static final int VERSION = 1;

    /** Command, data {@link CreateSequence}, reply {@link SequenceData}. */
    public static final String CREATE_SEQUENCE = "sequence.create";
    /** Command, data {@link DeleteSequence}, reply {@link Deleted}. */
    public static final String DELETE_SEQUENCE = "sequence.delete";
    /** Command, data {@link UpdateSequence}, reply {@link SequenceData}. */
    public static final String UPDATE_SEQUENCE = "sequence.update";

    /** Command, data {@link CreateStage}, reply {@link StageData}. */
    public static final String CREATE_STAGE = "stage.create";
    /** Command, data {@link DeleteStage}, reply {@link Deleted}. */
    public static final String DELETE_STAGE = "stage.delete";
    /** Command, data {@link UpdateStage}, reply {@link StageData}. */
    public static final String UPDATE_STAGE = "stage.update";
    /** Command, data {@link UpdateStageSms}, reply {@link StageData}. */
    public static final String UPDATE_STAGE_SMS = "stage.sms.update";

    /** Event, data {@link SequenceData}. */
    public static final String SEQUENCE_CREATED = "sequence.created";
    /** Event, data {@link SequenceDeleted}. */
    public static final String SEQUENCE_DELETED = "sequence.deleted";
    /** Event, data {@link SequenceData}: renamed, paused or resumed. */
    public static final String SEQUENCE_UPDATED = "sequence.updated";
    /** Event, data {@link StageData}: renamed, delay changed, activated or deactivated, SMS text set. */
    public static final String STAGE_UPDATED = "stage.updated";
    /** Event, data {@link StageData}. */
    public static final String STAGE_CREATED = "stage.created";
    /** Event, data {@link StageDeleted}. */
    public static final String STAGE_DELETED = "stage.deleted";

    private SequenceMessageTypes() {
    }
}
