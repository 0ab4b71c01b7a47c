package me.wolfeo.sequences.contentservice;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import me.wolfeo.sequences.contentservice.content.Email;
import me.wolfeo.sequences.contentservice.content.EmailRepository;
import me.wolfeo.sequences.contentservice.stage.StageProjection;
import me.wolfeo.sequences.contentservice.stage.StageProjectionRepository;

/** What content-service has stored, each read in a transaction of its own so it is never a stale copy. */
@ApplicationScoped
public class ContentState {

    private final EmailRepository emails;
    private final StageProjectionRepository stages;

    public ContentState(EmailRepository emails, StageProjectionRepository stages) {
        this.emails = emails;
        this.stages = stages;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Email> emailOf(long stageId) {
        return emails.findByStage(stageId);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long emailCount(long stageId) {
        return emails.count("stageId", stageId);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<StageProjection> stage(long stageId) {
        return stages.findByIdOptional(stageId);
    }
}
