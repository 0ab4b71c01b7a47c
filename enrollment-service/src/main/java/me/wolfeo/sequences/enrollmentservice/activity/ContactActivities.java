package me.wolfeo.sequences.enrollmentservice.activity;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import me.wolfeo.sequences.enrollmentservice.account.AccountProjectionRepository;
import me.wolfeo.sequences.enrollmentservice.contact.Contact;
import me.wolfeo.sequences.enrollmentservice.contact.ContactDirectory;
import me.wolfeo.sequences.enrollmentservice.contact.ContactRepository;
import me.wolfeo.sequences.enrollmentservice.enrollment.Enrollment;
import me.wolfeo.sequences.enrollmentservice.enrollment.EnrollmentEvents;
import me.wolfeo.sequences.platform.contract.contact.ActivityRecorded;
import me.wolfeo.sequences.platform.contract.contact.ContactActivityRules;
import me.wolfeo.sequences.platform.contract.contact.RecordActivity;
import me.wolfeo.sequences.platform.contract.validation.ContractValidator;
import me.wolfeo.sequences.platform.messaging.CommandRejectedException;
import me.wolfeo.sequences.platform.messaging.Envelope;
import me.wolfeo.sequences.platform.messaging.InvalidMessageException;
import me.wolfeo.sequences.platform.messaging.MessageCodec;
import me.wolfeo.sequences.platform.messaging.inbound.MessageContext;
import me.wolfeo.sequences.platform.phone.PhoneNumbers;

/**
 * Applies what a contact did, and the stop rules: a reply or a booked meeting ends its enrollment when the
 * sequence says so; a bounce ends it and marks the address as bounced (email steps skip it from then on); an
 * unsubscribe ends it and opts the contact out (it is not enrolled again until the opt-out is lifted).
 *
 * <p>
 * The contact, then its active enrollment, are locked first, as every enrollment command does: an activity that
 * arrives while the engine runs the contact's step waits for that step's transaction and applies right after it;
 * one that comes first keeps the engine off the row until it has ended the enrollment. The inbox makes a
 * redelivered activity apply once.
 */
@ApplicationScoped
public class ContactActivities {

    private final ContractValidator validator;
    private final ContactDirectory directory;
    private final ContactRepository contacts;
    private final AccountProjectionRepository accounts;
    private final StopRules stopRules;
    private final PhoneNumbers phones;
    private final EnrollmentEvents events;
    private final MessageCodec codec;
    private final Clock clock;

    public ContactActivities(ContactDirectory directory, ContactRepository contacts,
            AccountProjectionRepository accounts, StopRules stopRules, PhoneNumbers phones, EnrollmentEvents events,
            MessageCodec codec, Clock clock, ContractValidator validator) {
        this.validator = validator;
        this.directory = directory;
        this.contacts = contacts;
        this.accounts = accounts;
        this.stopRules = stopRules;
        this.phones = phones;
        this.events = events;
        this.codec = codec;
        this.clock = clock;
    }

    public ActivityRecorded record(Envelope message, MessageContext context) {
        RecordActivity command = validator.checked(codec.data(message, RecordActivity.class));
        Map<String, List<String>> errors = new LinkedHashMap<>();
        Optional<ContactReference> reference = ContactReference.of(command.contactId(), command.source(),
                command.id(), command.phoneNumber(), phones, errors);
        if (!errors.isEmpty()) {
            throw CommandRejectedException.invalid(errors);
        }
        Instant occurredAt = ContactActivityRules.occurredAt(command.occurredAt()).orElse(null);
        if (!context.expectsReply() && !accounts.isKnown(message.accountId())) {
            throw new InvalidMessageException("Unknown account " + message.accountId());
        }
        Contact contact = find(message.accountId(), reference.orElseThrow())
                .orElseThrow(() -> contactNotFound(reference.get(), context));

        Optional<Enrollment> active = directory.activeEnrollment(contact.id);
        // Read after the enrollment's lock: a step the engine ran while this waited for it comes before the end.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (occurredAt == null) {
            occurredAt = now;
        }
        String endReason = apply(command.type(), contact, active.orElse(null));
        contact.updatedAt = now;
        ActivityRecorded recorded = new ActivityRecorded(contact.id, command.type(), occurredAt,
                active.map(enrollment -> enrollment.id).orElse(null),
                active.map(enrollment -> enrollment.sequenceId).orElse(null), endReason != null, now);
        events.activityRecorded(message.accountId(), recorded);
        if (endReason != null) {
            Enrollment enrollment = active.get();
            enrollment.end(endReason, now);
            directory.ended(enrollment);
            events.disenrolled(enrollment);
        }
        return recorded;
    }

    /** Records the activity on the contact; returns the reason its enrollment ends for, or null. */
    private String apply(String type, Contact contact, Enrollment active) {
        switch (type) {
            case ContactActivityRules.REPLIED :
                return active != null && stopRules.stopsOnReply(active.sequenceId) ? Enrollment.REPLIED : null;
            case ContactActivityRules.MEETING_BOOKED :
                return active != null && stopRules.stopsOnMeeting(active.sequenceId)
                        ? Enrollment.MEETING_BOOKED
                        : null;
            case ContactActivityRules.BOUNCED :
                if (contact.email != null) {
                    contact.bouncedEmail = contact.email;
                }
                return active != null ? Enrollment.BOUNCED : null;
            case ContactActivityRules.UNSUBSCRIBED :
                contact.optedOut = true;
                return active != null ? Enrollment.OPTED_OUT : null;
            default :
                throw new IllegalArgumentException("Unknown activity type " + type);
        }
    }

    private Optional<Contact> find(long accountId, ContactReference reference) {
        return reference.contactId() != null
                ? contacts.lockOwned(accountId, reference.contactId())
                : directory.find(accountId, reference.identity().key());
    }

    /** The requester hears 404; a publisher, who gets no answer, finds its message in the dead letters. */
    private static RuntimeException contactNotFound(ContactReference reference, MessageContext context) {
        return context.expectsReply()
                ? CommandRejectedException.notFound("Contact not found.")
                : new InvalidMessageException("Contact not found: " + reference.describe());
    }
}
