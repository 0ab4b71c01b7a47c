package me.wolfeo.sequences.sequenceservice.stage;

import me.wolfeo.sequences.platform.contract.sequence.CreateStage;
import me.wolfeo.sequences.platform.contract.sequence.StageRules;

/**
 * The settings of a new stage, with the defaults of {@link StageRules} applied (a null name means "Step N"). The
 * command's rules were checked on its way in ({@link CreateStage}).
 */
record StageSettings(String name, String stageType, int timeValue, int timeType) {

    static StageSettings of(CreateStage command) {
        return new StageSettings(command.name(),
                command.stageType() == null ? StageRules.DEFAULT_STAGE_TYPE : command.stageType(),
                command.timeValue() == null ? StageRules.DEFAULT_TIME_VALUE : command.timeValue(),
                command.timeType() == null ? StageRules.DEFAULT_TIME_TYPE : command.timeType());
    }
}
