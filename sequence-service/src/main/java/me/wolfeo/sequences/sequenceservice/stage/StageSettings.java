package me.wolfeo.sequences.sequenceservice.stage;

import me.wolfeo.sequences.platform.contract.Text;
import me.wolfeo.sequences.platform.contract.sequence.CreateStage;
import me.wolfeo.sequences.platform.contract.sequence.StageRules;
import me.wolfeo.sequences.platform.messaging.CommandRejectedException;

/**
 * The checked settings of a new stage, with the defaults applied (a null name means "Step N"). The checks of each
 * setting also serve {@code stage.update}, where a null setting is left as it is.
 */
record StageSettings(String name, String stageType, int timeValue, int timeType) {

    static StageSettings of(CreateStage command) {
        String name = checkedName(command.name());
        String stageType = command.stageType() == null ? StageRules.DEFAULT_STAGE_TYPE : command.stageType();
        if (!StageRules.STAGE_TYPES.contains(stageType)) {
            throw CommandRejectedException.invalidField("stage_type", "The selected stage type is invalid.");
        }
        Integer timeValue = checkedTimeValue(command.timeValue());
        Integer timeType = checkedTimeType(command.timeType());
        return new StageSettings(name, stageType, timeValue == null ? StageRules.DEFAULT_TIME_VALUE : timeValue,
                timeType == null ? StageRules.DEFAULT_TIME_TYPE : timeType);
    }

    /** A stage name, or null: 1 to {@link StageRules#NAME_MAX_LENGTH} storable characters. */
    static String checkedName(String name) {
        if (name != null && (name.isBlank() || name.codePointCount(0, name.length()) > StageRules.NAME_MAX_LENGTH)) {
            throw CommandRejectedException.invalidField("name", "The name must be 1 to "
                    + StageRules.NAME_MAX_LENGTH + " characters.");
        }
        if (!Text.isStorable(name)) {
            throw CommandRejectedException.invalidField("name", Text.unstorableMessage("name"));
        }
        return name;
    }

    /** A delay value, or null: 0 to {@link StageRules#TIME_VALUE_MAX}. */
    static Integer checkedTimeValue(Integer timeValue) {
        if (timeValue != null && (timeValue < 0 || timeValue > StageRules.TIME_VALUE_MAX)) {
            throw CommandRejectedException.invalidField("time_value",
                    "The time value must be between 0 and " + StageRules.TIME_VALUE_MAX + ".");
        }
        return timeValue;
    }

    /** A delay unit, or null: one of {@link StageRules#TIME_TYPES}. */
    static Integer checkedTimeType(Integer timeType) {
        if (timeType != null && !StageRules.TIME_TYPES.contains(timeType)) {
            throw CommandRejectedException.invalidField("time_type", "The selected time type is invalid.");
        }
        return timeType;
    }
}
