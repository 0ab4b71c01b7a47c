package me.wolfeo.sequences.gateway.sequence;

import java.util.List;

import me.wolfeo.sequences.gateway.api.ApiTime;
import me.wolfeo.sequences.platform.contract.sequence.SequenceData;
import me.wolfeo.sequences.platform.contract.sequence.SequenceDetail;
import me.wolfeo.sequences.platform.contract.sequence.StageData;

/** The public shapes of sequences, field for field as sequences-api.txt shows them. */
public final class SequenceViews {

    private SequenceViews() {
    }

    /** The answer to "Create Sequence". */
    public record Created(long id, String name, String type) {

        static Created of(SequenceData sequence) {
            return new Created(sequence.id(), sequence.name(), sequence.type());
        }
    }

    /** A row of "Retrieve All Sequences" (and of "Get A Contact's Sequences"). */
    public record Listed(long id, String name, String createdAt) {

        public static Listed of(SequenceData sequence) {
            return new Listed(sequence.id(), sequence.name(), ApiTime.format(sequence.createdAt()));
        }
    }

    /** The answer to "Get An Individual Sequence". */
    public record Detail(long id, String name, String createdAt, List<Stage> stages) {

        static Detail of(SequenceDetail sequence) {
            return new Detail(sequence.id(), sequence.name(), ApiTime.format(sequence.createdAt()),
                    sequence.stages().stream().map(Stage::of).toList());
        }
    }

    /** A stage inside "Get An Individual Sequence". */
    public record Stage(long id, int step, String name, String stageType, int timeValue, int timeType,
            boolean active, String createdAt) {

        static Stage of(StageData stage) {
            return new Stage(stage.id(), stage.step(), stage.name(), stage.stageType(), stage.timeValue(),
                    stage.timeType(), stage.active(), ApiTime.format(stage.createdAt()));
        }
    }

    /** The answer to the delete endpoints. */
    public record Deleted(boolean deleted) {
    }
}
