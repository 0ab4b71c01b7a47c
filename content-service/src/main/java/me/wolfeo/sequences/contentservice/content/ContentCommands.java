package me.wolfeo.sequences.contentservice.content;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import me.wolfeo.sequences.contentservice.stage.StageDirectory;
import me.wolfeo.sequences.contentservice.stage.StageProjection;
import me.wolfeo.sequences.platform.contract.EmailAddresses;
import me.wolfeo.sequences.platform.contract.Text;
import me.wolfeo.sequences.platform.contract.content.ContentMessageTypes;
import me.wolfeo.sequences.platform.contract.content.ContentRules;
import me.wolfeo.sequences.platform.contract.content.ContentUpdated;
import me.wolfeo.sequences.platform.contract.content.UpdateContent;
import me.wolfeo.sequences.platform.contract.sequence.StageRules;
import me.wolfeo.sequences.platform.messaging.CommandRejectedException;
import me.wolfeo.sequences.platform.messaging.Envelope;
import me.wolfeo.sequences.platform.messaging.ErrorCodes;
import me.wolfeo.sequences.platform.messaging.MessageCodec;
import me.wolfeo.sequences.platform.messaging.Problem;

/** Applies {@code content.update}: the HTML goes to S3, the meta fields to the email record. */
@ApplicationScoped
public class ContentCommands {

    private final StageDirectory stages;
    private final EmailRepository emails;
    private final EmailStorage storage;
    private final EmailEvents events;
    private final MessageCodec codec;

    public ContentCommands(StageDirectory stages, EmailRepository emails, EmailStorage storage, EmailEvents events,
            MessageCodec codec) {
        this.stages = stages;
        this.emails = emails;
        this.storage = storage;
        this.events = events;
        this.codec = codec;
    }

    public ContentUpdated update(Envelope message) {
        UpdateContent command = codec.data(message, UpdateContent.class);
        validate(command);
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

    private static void validate(UpdateContent command) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        if (command.stageId() == null) {
            errors.put("stage_id", List.of("The stage id field is required."));
        }
        if (command.html() == null || command.html().isEmpty()) {
            errors.put("html", List.of("The html field is required."));
        } else if (!Text.isStorableMultiline(command.html())) {
            errors.put("html", List.of(Text.unstorableMessage("html")));
        } else if (command.html().getBytes(StandardCharsets.UTF_8).length > ContentRules.MAX_HTML_BYTES) {
            errors.put("html", List.of("The html field must not be larger than " + ContentRules.MAX_HTML_BYTES / 1024
                    + " KiB."));
        }
        if (!Text.isStorable(command.subject())) {
            errors.put("subject", List.of(Text.unstorableMessage("subject")));
        } else if (command.subject() != null && command.subject().length() > ContentRules.SUBJECT_MAX_LENGTH) {
            errors.put("subject", List.of("The subject field must not be greater than "
                    + ContentRules.SUBJECT_MAX_LENGTH + " characters."));
        }
        if (!Text.isStorable(command.fromName())) {
            errors.put("from_name", List.of(Text.unstorableMessage("from name")));
        } else if (command.fromName() != null && command.fromName().length() > ContentRules.FROM_NAME_MAX_LENGTH) {
            errors.put("from_name", List.of("The from name field must not be greater than "
                    + ContentRules.FROM_NAME_MAX_LENGTH + " characters."));
        }
        if (command.fromEmail() != null && !EmailAddresses.isValid(command.fromEmail())) {
            errors.put("from_email", List.of("The from email field must be a valid email address."));
        }
        if (!errors.isEmpty()) {
            throw new CommandRejectedException(new Problem(ErrorCodes.VALIDATION_ERROR,
                    errors.values().iterator().next().get(0), errors));
        }
    }
}
