package me.wolfeo.sequences.sequenceservice.stage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** What sequence-service has stored, each read in a transaction of its own so it is never a stale copy. */
@ApplicationScoped
public class StageState {

    private final StageRepository stages;

    public StageState(StageRepository stages) {
        this.stages = stages;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Stage stage(long accountId, long stageId) {
        return stages.findOwned(accountId, stageId).orElseThrow();
    }
}
