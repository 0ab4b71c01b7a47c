package me.wolfeo.sequences.enrollmentservice.engine;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import me.wolfeo.sequences.enrollmentservice.EnrollmentConfig;
import me.wolfeo.sequences.enrollmentservice.delivery.DeliveryResult;
import me.wolfeo.sequences.enrollmentservice.delivery.EmailSender;
import me.wolfeo.sequences.enrollmentservice.delivery.OutgoingEmail;
import me.wolfeo.sequences.enrollmentservice.delivery.Placeholders;
import me.wolfeo.sequences.enrollmentservice.delivery.SmsSender;
import me.wolfeo.sequences.enrollmentservice.enrollment.EnrollmentEvents;
import me.wolfeo.sequences.enrollmentservice.stage.ProjectedStage;
import me.wolfeo.sequences.platform.contract.content.EmailMessage;
import me.wolfeo.sequences.platform.contract.enrollment.ActionTriggered;
import me.wolfeo.sequences.platform.contract.sequence.StageRules;

/**
 * Does one step's job: an inactive stage is skipped; an {@code action} stage is an event on
 * {@code enrollments.actions}; a {@code send_email} stage is its content, placeholders filled, over SMTP; a
 * {@code send_sms} stage is its text through the SMS provider. An email past its sender's daily cap is held back. A contact without an address for the channel, or
 * whose email address bounced, is skipped with the reason.
 */
@ApplicationScoped
class StepExecutor {

    static final String INACTIVE = "inactive";
    static final String NO_EMAIL = "no_email";
    static final String NO_PHONE = "no_phone";
    static final String NO_CONTENT = "no_content";
    static final String EMAIL_BOUNCED = "email_bounced";

    private final EmailSender email;
    private final SmsSender sms;
    private final EnrollmentEvents events;
    private final BouncedAddresses bounced;
    private final String messageIdDomain;

    StepExecutor(EmailSender email, SmsSender sms, EnrollmentEvents events, BouncedAddresses bounced,
            EnrollmentConfig config) {
        this.email = email;
        this.sms = sms;
        this.events = events;
        this.bounced = bounced;
        this.messageIdDomain = config.delivery().smtp().messageIdDomain();
    }

    StepOutcome execute(DueEnrollment enrollment, ProjectedStage stage, StepContact contact, BatchDelivery delivery,
            Instant now) {
        if (!stage.active()) {
            return StepOutcome.skipped(INACTIVE, DeliveryIds.actionId(enrollment.id(), stage.stageId()));
        }
        return switch (stage.stageType()) {
            case StageRules.SEND_EMAIL -> sendEmail(enrollment, stage, contact, delivery);
            case StageRules.SEND_SMS -> sendSms(enrollment, stage, contact, delivery);
            default -> triggerAction(enrollment, stage, contact, now);
        };
    }

    private StepOutcome triggerAction(DueEnrollment enrollment, ProjectedStage stage, StepContact contact,
            Instant now) {
        String actionId = DeliveryIds.actionId(enrollment.id(), stage.stageId());
        events.actionTriggered(enrollment.accountId(), new ActionTriggered(actionId, enrollment.id(),
                enrollment.sequenceId(), stage.stageId(), stage.step(), stage.name(),
                new ActionTriggered.Contact(contact.id(), contact.email(), contact.firstName(), contact.lastName(),
                        contact.phoneNumber()),
                now));
        return StepOutcome.done(actionId);
    }

    private StepOutcome sendEmail(DueEnrollment enrollment, ProjectedStage stage, StepContact contact,
            BatchDelivery delivery) {
        String messageId = DeliveryIds.emailMessageId(enrollment.id(), stage.stageId(), messageIdDomain);
        if (isBlank(contact.email())) {
            return StepOutcome.skipped(NO_EMAIL, messageId);
        }
        if (bounced.isBounced(contact.id())) {
            return StepOutcome.skipped(EMAIL_BOUNCED, messageId);
        }
        if (delivery.contentDown != null) {
            return StepOutcome.retry(delivery.contentDown, messageId);
        }
        Optional<EmailMessage> content;
        try {
            content = delivery.emailOf(enrollment.accountId(), stage.stageId());
        } catch (ProcessingException | WebApplicationException e) {
            return StepOutcome.retry(delivery.contentDown, messageId);
        }
        if (content.isEmpty() || content.get().html() == null) {
            return StepOutcome.failed(NO_CONTENT, messageId);
        }
        if (delivery.emailDown != null) {
            return StepOutcome.retry(delivery.emailDown, messageId);
        }
        EmailMessage template = content.get();
        String from = isBlank(template.fromEmail()) ? email.defaultFrom() : template.fromEmail();
        SenderSends.Sender sender = SenderSends.of(enrollment.accountId(), from);
        if (!delivery.senders().take(sender)) {
            return StepOutcome.held(messageId);
        }
        String subject = template.subject() == null || template.subject().isBlank()
                ? stage.name()
                : template.subject();
        OutgoingEmail outgoing = new OutgoingEmail(messageId, template.fromName(), from, contact.email(),
                Placeholders.fillText(subject, contact), Placeholders.fillHtml(template.html(), contact));
        DeliveryResult result = delivery.smtp().send(outgoing);
        if (result instanceof DeliveryResult.Unavailable unavailable) {
            delivery.emailDown = unavailable.reason();
        }
        if (!(result instanceof DeliveryResult.Delivered)) {
            delivery.senders().release(sender);
        }
        return outcomeOf(result, messageId);
    }

    private StepOutcome sendSms(DueEnrollment enrollment, ProjectedStage stage, StepContact contact,
            BatchDelivery delivery) {
        String token = DeliveryIds.smsIdempotencyToken(enrollment.id(), stage.stageId());
        if (isBlank(contact.phoneNumber())) {
            return StepOutcome.skipped(NO_PHONE, token);
        }
        if (isBlank(stage.smsText())) {
            return StepOutcome.failed(NO_CONTENT, token);
        }
        if (delivery.smsDown != null) {
            return StepOutcome.retry(delivery.smsDown, token);
        }
        DeliveryResult result = sms.send(token, contact.phoneNumber(), Placeholders.fillText(stage.smsText(), contact));
        if (result instanceof DeliveryResult.Unavailable unavailable) {
            delivery.smsDown = unavailable.reason();
        }
        return outcomeOf(result, token);
    }

    private static StepOutcome outcomeOf(DeliveryResult result, String deliveryId) {
        if (result instanceof DeliveryResult.Refused refused) {
            return StepOutcome.failed(refused.reason(), deliveryId);
        }
        if (result instanceof DeliveryResult.Unavailable unavailable) {
            return StepOutcome.retry(unavailable.reason(), deliveryId);
        }
        return StepOutcome.done(deliveryId);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
