package me.wolfeo.sequences.contentservice.content;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import me.wolfeo.sequences.contentservice.stage.StageProjectionRepository;
import me.wolfeo.sequences.platform.contract.content.ContentMessageTypes;
import me.wolfeo.sequences.platform.contract.sequence.StageRules;

/** Creates an email record with each send_email stage, and deletes it (and its S3 object) with the stage. */
@ApplicationScoped
public class EmailLifecycle {

    private final StageProjectionRepository stages;
    private final EmailRepository emails;
    private final EmailStorage storage;
    private final EmailEvents events;

    public EmailLifecycle(StageProjectionRepository stages, EmailRepository emails, EmailStorage storage,
            EmailEvents events) {
        this.stages = stages;
        this.emails = emails;
        this.storage = storage;
        this.events = events;
    }

    /** A stage exists: remember it and, for a send_email stage, give it an email record (once). */
    public void stageCreated(long accountId, long stageId, long sequenceId, String stageType) {
        stages.rememberIfNew(stageId, accountId, sequenceId, stageType);
        if (!StageRules.SEND_EMAIL.equals(stageType)) {
            return;
        }
        boolean alive = stages.lockOwned(accountId, stageId).map(stage -> !stage.deleted).orElse(false);
        if (!alive || emails.findByStage(stageId).isPresent()) {
            return;
        }
        Email email = new Email();
        email.accountId = accountId;
        email.stageId = stageId;
        email.sequenceId = sequenceId;
        email.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        emails.persist(email);
        events.publish(ContentMessageTypes.EMAIL_CREATED, email);
    }

    /** A stage is gone: keep its tombstone, delete its email record and the email's HTML object. */
    public void stageDeleted(long accountId, long stageId, long sequenceId, String stageType) {
        stages.markDeleted(stageId, accountId, sequenceId, stageType == null ? "unknown" : stageType);
        emails.findByStage(stageId).ifPresent(email -> {
            storage.delete(email.id);
            emails.delete(email);
            events.publish(ContentMessageTypes.EMAIL_DELETED, email);
        });
    }
}
