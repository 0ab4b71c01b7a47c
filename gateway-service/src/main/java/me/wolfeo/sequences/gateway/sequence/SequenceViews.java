package me.wolfeo.sequences.gateway.sequence;

import java.util.List;

import me.wolfeo.sequences.gateway.api.ApiTime;
import me.wolfeo.sequences.platform.contract.sequence.Schedule;
import me.wolfeo.sequences.platform.contract.sequence.SequenceData;
import me.wolfeo.sequences.platform.contract.sequence.SequenceDetail;
import me.wolfeo.sequences.platform.contract.sequence.StageData;
import me.wolfeo.sequences.platform.contract.sequence.StageRules;

/**
 * The public shapes of sequences, field for field as sequences-api.txt shows them, plus what the platform adds
 * where the document is silent: {@code paused}, {@code schedule}, {@code stop_on_reply} and {@code stop_on_meeting}
 * on a sequence, and {@code text} on a send_sms stage.
 */
public final class SequenceViews {

    private SequenceViews() {
    }

    /** The answer to "Create Sequence". */
    public record Created(long id, String name, String type) {

        static Created of(SequenceData sequence) {
            return new Created(sequence.id(), sequence.name(), sequence.type());
        }
    }

    /**
     * The answer to an update of a sequence: the "Create Sequence" answer plus {@code paused}, the schedule and the
     * stopping rules.
     */
    public record Updated(long id, String name, String type, boolean paused, Schedule schedule, boolean stopOnReply,
            boolean stopOnMeeting) {

        static Updated of(SequenceData sequence) {
            return new Updated(sequence.id(), sequence.name(), sequence.type(), sequence.paused(), sequence.schedule(),
                    sequence.stopOnReply(), sequence.stopOnMeeting());
        }
    }

    /** A row of "Retrieve All Sequences" (and of "Get A Contact's Sequences"). */
    public record Listed(long id, String name, String createdAt) {

        public static Listed of(SequenceData sequence) {
            return new Listed(sequence.id(), sequence.name(), ApiTime.format(sequence.createdAt()));
        }
    }

    /** The answer to "Get An Individual Sequence". */
    public record Detail(long id, String name, String createdAt, boolean paused, Schedule schedule,
            boolean stopOnReply, boolean stopOnMeeting, List<Stage> stages) {

        static Detail of(SequenceDetail sequence) {
            return new Detail(sequence.id(), sequence.name(), ApiTime.format(sequence.createdAt()),
                    sequence.paused(), sequence.schedule(), sequence.stopOnReply(), sequence.stopOnMeeting(),
                    sequence.stages().stream().map(Stage::of).toList());
        }
    }

    /**
     * A stage inside "Get An Individual Sequence": the document's fields, and for a send_sms stage its
     * {@code text} (null until set). Serialised by its own type, so only send_sms stages have the field.
     */
    public sealed interface Stage permits PlainStage, SmsStage {

        static Stage of(StageData stage) {
            String createdAt = ApiTime.format(stage.createdAt());
            if (StageRules.SEND_SMS.equals(stage.stageType())) {
                return new SmsStage(stage.id(), stage.step(), stage.name(), stage.stageType(), stage.timeValue(),
                        stage.timeType(), stage.active(), createdAt, stage.smsText());
            }
            return new PlainStage(stage.id(), stage.step(), stage.name(), stage.stageType(), stage.timeValue(),
                    stage.timeType(), stage.active(), createdAt);
        }
    }

    /** A send_email or action stage. */
    public record PlainStage(long id, int step, String name, String stageType, int timeValue, int timeType,
            boolean active, String createdAt) implements Stage {
    }

    /** A send_sms stage, with the text it sends. */
    public record SmsStage(long id, int step, String name, String stageType, int timeValue, int timeType,
            boolean active, String createdAt, String text) implements Stage {
    }

    /** The answer to the delete endpoints. */
    public record Deleted(boolean deleted) {
    }
}
