package me.wolfeo.sequences.enrollmentservice.contact;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import me.wolfeo.sequences.enrollmentservice.enrollment.Enrollment;
import me.wolfeo.sequences.enrollmentservice.enrollment.EnrollmentEvents;
import me.wolfeo.sequences.platform.contract.contact.ContactDetail;
import me.wolfeo.sequences.platform.contract.contact.UpdateContact;
import me.wolfeo.sequences.platform.contract.validation.ContractValidator;
import me.wolfeo.sequences.platform.messaging.CommandRejectedException;
import me.wolfeo.sequences.platform.messaging.Envelope;
import me.wolfeo.sequences.platform.messaging.MessageCodec;

/**
 * Changes a contact's settings ({@code PUT /v1/contact}); a field left out stays as it is. {@code opted_out: false}
 * lifts an opt-out, so the contact may be enrolled again; {@code true} opts it out as an unsubscribe does, ending its
 * enrollment (locked first, like every enrollment command).
 */
@ApplicationScoped
public class ContactUpdates {

    private final ContractValidator validator;
    private final ContactRepository contacts;
    private final ContactDirectory directory;
    private final EnrollmentEvents events;
    private final MessageCodec codec;
    private final Clock clock;

    public ContactUpdates(ContactRepository contacts, ContactDirectory directory, EnrollmentEvents events,
            MessageCodec codec, Clock clock, ContractValidator validator) {
        this.validator = validator;
        this.contacts = contacts;
        this.directory = directory;
        this.events = events;
        this.codec = codec;
        this.clock = clock;
    }

    public ContactDetail update(Envelope message) {
        UpdateContact command = validator.checked(codec.data(message, UpdateContact.class));
        String timezone = present(command.timezone());
        String email = present(command.email());
        String firstName = present(command.firstName());
        String lastName = present(command.lastName());
        Contact contact = contacts.lockOwned(message.accountId(), command.contactId())
                .orElseThrow(() -> CommandRejectedException.notFound("Contact not found."));
        boolean optsOut = Boolean.TRUE.equals(command.optedOut()) && !contact.optedOut;
        Optional<Enrollment> active = optsOut ? directory.activeEnrollment(contact.id) : Optional.empty();
        // Read after the enrollment's lock: a step the engine ran while this waited for it comes before the end.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (timezone != null) {
            contact.timezone = timezone;
        }
        if (email != null) {
            contact.email = email;
        }
        if (firstName != null) {
            contact.firstName = firstName;
        }
        if (lastName != null) {
            contact.lastName = lastName;
        }
        if (optsOut) {
            contact.optedOut = true;
            active.ifPresent(enrollment -> {
                enrollment.end(Enrollment.OPTED_OUT, now);
                directory.ended(enrollment);
                events.disenrolled(enrollment);
            });
        } else if (Boolean.FALSE.equals(command.optedOut())) {
            contact.optedOut = false;
        }
        contact.updatedAt = now;
        ContactDetail detail = new ContactDetail(contact.id, contact.email, contact.firstName, contact.lastName,
                contact.phoneNumber, contact.timezone, contact.optedOut, contact.emailBounced());
        events.contactUpdated(message.accountId(), detail);
        return detail;
    }

    private static String present(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
