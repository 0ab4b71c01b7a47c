package me.wolfeo.sequences.sequenceservice.stage;

import me.wolfeo.sequences.platform.contract.Text;
import me.wolfeo.sequences.platform.contract.sequence.CreateStage;
import me.wolfeo.sequences.platform.contract.sequence.StageRules;
import me.wolfeo.sequences.platform.messaging.CommandRejectedException;

/** The checked settings of a new stage, with the defaults applied (a null name means "Step N"). */
record StageSettings(String name, String stageType, int timeValue, int timeType) {

    static StageSettings of(CreateStage command) {
        String name = command.name();
        if (name != null && (name.isBlank() || name.codePointCount(0, name.length()) > StageRules.NAME_MAX_LENGTH)) {
            throw CommandRejectedException.invalidField("name", "The name must be 1 to "
                    + StageRules.NAME_MAX_LENGTH + " characters.");
        }
        if (!Text.isStorable(name)) {
            throw CommandRejectedException.invalidField("name", Text.unstorableMessage("name"));
        }
        String stageType = command.stageType() == null ? StageRules.DEFAULT_STAGE_TYPE : command.stageType();
        if (!StageRules.STAGE_TYPES.contains(stageType)) {
            throw CommandRejectedException.invalidField("stage_type", "The selected stage type is invalid.");
        }
        int timeValue = command.timeValue() == null ? StageRules.DEFAULT_TIME_VALUE : command.timeValue();
        if (timeValue < 0 || timeValue > StageRules.TIME_VALUE_MAX) {
            throw CommandRejectedException.invalidField("time_value",
                    "The time value must be between 0 and " + StageRules.TIME_VALUE_MAX + ".");
        }
        int timeType = command.timeType() == null ? StageRules.DEFAULT_TIME_TYPE : command.timeType();
        if (!StageRules.TIME_TYPES.contains(timeType)) {
            throw CommandRejectedException.invalidField("time_type", "The selected time type is invalid.");
        }
        return new StageSettings(name, stageType, timeValue, timeType);
    }
}
