package me.wolfeo.sequences.enrollmentservice.activity;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Whether a sequence ends a contact's enrollment when the contact replies, or books a meeting: the sequence's
 * {@code stop_on_reply} and {@code stop_on_meeting} (on unless sequence-service says otherwise).
 */
@ApplicationScoped
class StopRules {

    private final EntityManager entityManager;

    StopRules(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    boolean stopsOnReply(long sequenceId) {
        return flag(sequenceId, "stop_on_reply");
    }

    boolean stopsOnMeeting(long sequenceId) {
        return flag(sequenceId, "stop_on_meeting");
    }

    private boolean flag(long sequenceId, String column) {
        List<?> rows = entityManager
                .createNativeQuery("SELECT " + column + " FROM sequence_projection WHERE sequence_id = ?1")
                .setParameter(1, sequenceId).getResultList();
        return rows.isEmpty() || Boolean.TRUE.equals(rows.get(0));
    }
}
