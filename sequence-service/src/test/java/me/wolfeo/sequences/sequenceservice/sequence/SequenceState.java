package me.wolfeo.sequences.sequenceservice.sequence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** What sequence-service has stored, each read in a transaction of its own so it is never a stale copy. */
@ApplicationScoped
public class SequenceState {

    private final SequenceRepository sequences;

    public SequenceState(SequenceRepository sequences) {
        this.sequences = sequences;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Sequence sequence(long accountId, long sequenceId) {
        return sequences.findOwned(accountId, sequenceId).orElseThrow();
    }
}
