package me.wolfeo.sequences.enrollmentservice.contact;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import me.wolfeo.sequences.enrollmentservice.enrollment.Enrollment;
import me.wolfeo.sequences.enrollmentservice.enrollment.EnrollmentEvents;
import me.wolfeo.sequences.platform.contract.EmailAddresses;
import me.wolfeo.sequences.platform.contract.Text;
import me.wolfeo.sequences.platform.contract.TimeZones;
import me.wolfeo.sequences.platform.contract.contact.ContactDetail;
import me.wolfeo.sequences.platform.contract.contact.UpdateContact;
import me.wolfeo.sequences.platform.contract.enrollment.ContactSources;
import me.wolfeo.sequences.platform.messaging.CommandRejectedException;
import me.wolfeo.sequences.platform.messaging.Envelope;
import me.wolfeo.sequences.platform.messaging.ErrorCodes;
import me.wolfeo.sequences.platform.messaging.MessageCodec;
import me.wolfeo.sequences.platform.messaging.Problem;

/**
 * Changes a contact's settings ({@code PUT /v1/contact}); a field left out stays as it is. {@code opted_out: false}
 * lifts an opt-out, so the contact may be enrolled again; {@code true} opts it out as an unsubscribe does, ending its
 * enrollment (locked first, like every enrollment command).
 */
@ApplicationScoped
public class ContactUpdates {

    private final ContactRepository contacts;
    private final ContactDirectory directory;
    private final EnrollmentEvents events;
    private final MessageCodec codec;
    private final Clock clock;

    public ContactUpdates(ContactRepository contacts, ContactDirectory directory, EnrollmentEvents events,
            MessageCodec codec, Clock clock) {
        this.contacts = contacts;
        this.directory = directory;
        this.events = events;
        this.codec = codec;
        this.clock = clock;
    }

    public ContactDetail update(Envelope message) {
        UpdateContact command = codec.data(message, UpdateContact.class);
        Map<String, List<String>> errors = new LinkedHashMap<>();
        if (command.contactId() == null) {
            errors.put("contact_id", List.of("The contact id field is required."));
        }
        String timezone = present(command.timezone());
        if (timezone != null && TimeZones.named(timezone).isEmpty()) {
            errors.put("timezone", List.of(TimeZones.invalidMessage("timezone")));
        }
        String email = present(command.email());
        if (email != null && !EmailAddresses.isValid(email)) {
            errors.put("email", List.of("The email field must be a valid email address."));
        }
        String firstName = checkedName("first_name", command.firstName(), errors);
        String lastName = checkedName("last_name", command.lastName(), errors);
        if (!errors.isEmpty()) {
            throw new CommandRejectedException(new Problem(ErrorCodes.VALIDATION_ERROR,
                    errors.values().iterator().next().get(0), errors));
        }
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

    private static String checkedName(String field, String value, Map<String, List<String>> errors) {
        String name = present(value);
        String label = field.replace('_', ' ');
        if (name != null && !Text.isStorable(name)) {
            errors.put(field, List.of(Text.unstorableMessage(label)));
        } else if (name != null && name.length() > ContactSources.NAME_MAX_LENGTH) {
            errors.put(field, List.of("The " + label + " field must not be greater than "
                    + ContactSources.NAME_MAX_LENGTH + " characters."));
        }
        return name;
    }

    private static String present(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
