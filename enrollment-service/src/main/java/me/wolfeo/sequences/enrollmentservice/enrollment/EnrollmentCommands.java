package me.wolfeo.sequences.enrollmentservice.enrollment;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import me.wolfeo.sequences.enrollmentservice.account.AccountProjectionRepository;
import me.wolfeo.sequences.enrollmentservice.contact.Contact;
import me.wolfeo.sequences.enrollmentservice.contact.ContactIdentity;
import me.wolfeo.sequences.enrollmentservice.contact.ContactKey;
import me.wolfeo.sequences.enrollmentservice.contact.ContactRepository;
import me.wolfeo.sequences.enrollmentservice.contact.PhoneNumbers;
import me.wolfeo.sequences.enrollmentservice.sequence.SequenceDirectory;
import me.wolfeo.sequences.enrollmentservice.sequence.SequenceProjection;
import me.wolfeo.sequences.platform.contract.EmailAddresses;
import me.wolfeo.sequences.platform.contract.enrollment.ContactSources;
import me.wolfeo.sequences.platform.contract.enrollment.Disenroll;
import me.wolfeo.sequences.platform.contract.enrollment.Enroll;
import me.wolfeo.sequences.platform.contract.enrollment.EnrollmentRejected;
import me.wolfeo.sequences.platform.contract.enrollment.EnrollmentResult;
import me.wolfeo.sequences.platform.messaging.CommandRejectedException;
import me.wolfeo.sequences.platform.messaging.Envelope;
import me.wolfeo.sequences.platform.messaging.ErrorCodes;
import me.wolfeo.sequences.platform.messaging.InvalidMessageException;
import me.wolfeo.sequences.platform.messaging.MessageCodec;
import me.wolfeo.sequences.platform.messaging.Problem;
import me.wolfeo.sequences.platform.messaging.inbound.MessageContext;

/**
 * Applies enroll and disenroll, from the gateway and from internal systems alike. A contact is in at most one
 * sequence at a time. Every business refusal is also announced as {@code enrollment.rejected}, so that internal
 * systems, which get no reply, learn of it.
 */
@ApplicationScoped
public class EnrollmentCommands {

    static final String ALREADY_ENROLLED = "Contact is already enrolled in a sequence.";

    private final ContactRepository contacts;
    private final EnrollmentRepository enrollments;
    private final SequenceDirectory sequences;
    private final AccountProjectionRepository accounts;
    private final PhoneNumbers phones;
    private final EnrollmentEvents events;
    private final MessageCodec codec;

    public EnrollmentCommands(ContactRepository contacts, EnrollmentRepository enrollments,
            SequenceDirectory sequences, AccountProjectionRepository accounts, PhoneNumbers phones,
            EnrollmentEvents events, MessageCodec codec) {
        this.contacts = contacts;
        this.enrollments = enrollments;
        this.sequences = sequences;
        this.accounts = accounts;
        this.phones = phones;
        this.events = events;
        this.codec = codec;
    }

    public EnrollmentResult enroll(Envelope message, MessageContext context) {
        Enroll command = codec.data(message, Enroll.class);
        Map<String, List<String>> errors = new LinkedHashMap<>();
        if (command.sequenceId() == null) {
            errors.put("sequence_id", List.of("The sequence id field is required."));
        }
        Optional<ContactIdentity> identity = ContactIdentity.of(command.source(), command.id(),
                command.phoneNumber(), phones, errors);
        checkAttributes(command, errors);
        failIfAny(errors);
        requireKnownAccount(message, context);
        long accountId = message.accountId();

        SequenceProjection sequence = sequences.findLive(accountId, command.sequenceId())
                .orElseThrow(() -> refuse(message, command, ErrorCodes.NOT_FOUND, "Sequence not found."));
        ContactIdentity who = identity.orElseThrow();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Optional<Contact> existing = contacts.lockByKey(accountId, who.key());
        Long movedFrom = null;
        if (existing.isPresent()) {
            Optional<Enrollment> active = enrollments.activeOf(existing.get().id); // a new contact has none
            if (active.isPresent()) {
                if (!Boolean.TRUE.equals(command.forceEnroll())) {
                    throw refuse(message, command, ErrorCodes.ALREADY_ENROLLED, ALREADY_ENROLLED);
                }
                movedFrom = active.get().sequenceId;
                active.get().end(Enrollment.MOVED, now);
                enrollments.flush(); // the partial unique index allows one active enrollment per contact
                events.disenrolled(active.get());
            }
        }
        Contact contact = existing.orElseGet(() -> newContact(accountId, who, command, now));
        if (existing.isPresent()) {
            fillAttributes(contact, command, who, now);
        }

        Enrollment enrollment = new Enrollment();
        enrollment.accountId = accountId;
        enrollment.contactId = contact.id;
        enrollment.sequenceId = sequence.sequenceId;
        enrollment.active = true;
        enrollment.enrolledAt = now;
        enrollments.persist(enrollment);
        events.enrolled(enrollment, movedFrom);
        return new EnrollmentResult(contact.id, 1);
    }

    public EnrollmentResult disenroll(Envelope message, MessageContext context) {
        Disenroll command = codec.data(message, Disenroll.class);
        Map<String, List<String>> errors = new LinkedHashMap<>();
        Optional<ContactIdentity> identity = ContactIdentity.of(command.source(), command.id(),
                command.phoneNumber(), phones, errors);
        failIfAny(errors);
        requireKnownAccount(message, context);
        Contact contact = contacts.lockByKey(message.accountId(), identity.orElseThrow().key())
                .orElseThrow(() -> refuse(message, command, ErrorCodes.NOT_FOUND, "Contact not found."));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Optional<Enrollment> active = enrollments.activeOf(contact.id);
        active.ifPresent(enrollment -> {
            enrollment.end(Enrollment.DISENROLLED, now);
            events.disenrolled(enrollment);
        });
        return new EnrollmentResult(contact.id, active.isPresent() ? 1 : 0);
    }

    private Contact newContact(long accountId, ContactIdentity who, Enroll command, Instant now) {
        Contact contact = new Contact();
        contact.accountId = accountId;
        contact.createdAt = now;
        fillAttributes(contact, command, who, now); // before the insert, which happens at once: no UPDATE after it
        contacts.persist(contact);
        for (ContactKey key : who.keys()) {
            boolean added = contacts.addKeyIfFree(accountId, key, contact.id);
            if (!added && key.equals(who.key())) {
                // Another instance created this contact meanwhile: start over, and find it this time.
                throw new IllegalStateException("Contact " + key + " was created concurrently");
            }
        }
        return contact;
    }

    private static void fillAttributes(Contact contact, Enroll command, ContactIdentity who, Instant now) {
        if (who.phone() != null) {
            contact.phoneNumber = who.phone();
        }
        if (command.email() != null && !command.email().isBlank()) {
            contact.email = command.email().trim();
        }
        if (command.firstName() != null && !command.firstName().isBlank()) {
            contact.firstName = command.firstName().trim();
        }
        if (command.lastName() != null && !command.lastName().isBlank()) {
            contact.lastName = command.lastName().trim();
        }
        contact.updatedAt = now;
    }

    private static void checkAttributes(Enroll command, Map<String, List<String>> errors) {
        if (command.email() != null && !command.email().isBlank() && !EmailAddresses.isValid(command.email().trim())) {
            errors.put("email", List.of("The email field must be a valid email address."));
        }
        if (command.firstName() != null && command.firstName().length() > ContactSources.NAME_MAX_LENGTH) {
            errors.put("first_name", List.of("The first name field must not be greater than "
                    + ContactSources.NAME_MAX_LENGTH + " characters."));
        }
        if (command.lastName() != null && command.lastName().length() > ContactSources.NAME_MAX_LENGTH) {
            errors.put("last_name", List.of("The last name field must not be greater than "
                    + ContactSources.NAME_MAX_LENGTH + " characters."));
        }
    }

    private static void failIfAny(Map<String, List<String>> errors) {
        if (!errors.isEmpty()) {
            throw new CommandRejectedException(new Problem(ErrorCodes.VALIDATION_ERROR,
                    errors.values().iterator().next().get(0), errors));
        }
    }

    /**
     * The gateway only sends commands of accounts it authenticated; a message published straight to the topic
     * must name an account the gateway has announced.
     */
    private void requireKnownAccount(Envelope message, MessageContext context) {
        if (!context.expectsReply() && !accounts.isKnown(message.accountId())) {
            throw new InvalidMessageException("Unknown account " + message.accountId());
        }
    }

    /** A business refusal: announced on the events topic, then answered to the requester. */
    private CommandRejectedException refuse(Envelope message, Object command, String code, String reason) {
        Long sequenceId = command instanceof Enroll enroll ? enroll.sequenceId() : null;
        String source = command instanceof Enroll enroll ? enroll.source() : ((Disenroll) command).source();
        String id = command instanceof Enroll enroll ? enroll.id() : ((Disenroll) command).id();
        String phone = command instanceof Enroll enroll ? enroll.phoneNumber() : ((Disenroll) command).phoneNumber();
        events.rejected(message.accountId(), ContactSources.partitionKey(message.accountId(), source, id, phone),
                new EnrollmentRejected(message.id(), message.type(), code, reason, sequenceId, source, id, phone));
        return new CommandRejectedException(code, reason);
    }

}
