package me.wolfeo.sequences.contentservice.content;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import me.wolfeo.sequences.contentservice.stage.StageDirectory;
import me.wolfeo.sequences.contentservice.stage.StageProjection;
import me.wolfeo.sequences.platform.contract.content.ContentMessageTypes;
import me.wolfeo.sequences.platform.contract.content.ContentUpdated;
import me.wolfeo.sequences.platform.contract.content.UpdateContent;
import me.wolfeo.sequences.platform.contract.sequence.StageRules;
import me.wolfeo.sequences.platform.contract.validation.ContractValidator;
import me.wolfeo.sequences.platform.messaging.CommandRejectedException;
import me.wolfeo.sequences.platform.messaging.Envelope;
import me.wolfeo.sequences.platform.messaging.ErrorCodes;
import me.wolfeo.sequences.platform.messaging.MessageCodec;

/** Applies {@code content.update}: the HTML goes to S3, the meta fields to the email record. */
@ApplicationScoped
public class ContentCommands {

    private final StageDirectory stages;
    private final EmailRepository emails;
    private final EmailStorage storage;
    private final EmailEvents events;
    private final MessageCodec codec;
    private final ContractValidator validator;

    public ContentCommands(StageDirectory stages, EmailRepository emails, EmailStorage storage, EmailEvents events,
            MessageCodec codec, ContractValidator validator) {
        this.validator = validator;
        this.stages = stages;
        this.emails = emails;
        this.storage = storage;
        this.events = events;
        this.codec = codec;
    }

    public ContentUpdated update(Envelope message) {
        UpdateContent command = validator.checked(codec.data(message, UpdateContent.class));
        StageProjection stage = stages.lockLiveStage(message.accountId(), command.stageId())
                .orElseThrow(() -> CommandRejectedException.notFound("Stage not found."));
        if (!StageRules.SEND_EMAIL.equals(stage.stageType)) {
            throw new CommandRejectedException(ErrorCodes.STAGE_NOT_EMAIL,
                    "Stage is not a send_email stage or has no linked email.");
        }
        Email email = emails.findByStage(stage.stageId).orElseThrow(() -> new CommandRejectedException(
                ErrorCodes.STAGE_NOT_EMAIL, "Stage is not a send_email stage or has no linked email."));
        storage.put(email.id, command.html());
        email.htmlBytes = command.html().getBytes(StandardCharsets.UTF_8).length;
        email.htmlUpdatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (command.subject() != null) {
            email.subject = command.subject();
        }
        if (command.fromName() != null) {
            email.fromName = command.fromName();
        }
        if (command.fromEmail() != null) {
            email.fromEmail = command.fromEmail();
        }
        events.publish(ContentMessageTypes.EMAIL_UPDATED, email);
        return new ContentUpdated(stage.stageId, email.id, storage.publicUrl(email.id));
    }
}
