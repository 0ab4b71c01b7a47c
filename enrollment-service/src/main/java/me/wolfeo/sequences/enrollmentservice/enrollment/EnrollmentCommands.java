package me.wolfeo.sequences.enrollmentservice.enrollment;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import me.wolfeo.sequences.enrollmentservice.account.AccountProjectionRepository;
import me.wolfeo.sequences.enrollmentservice.contact.Contact;
import me.wolfeo.sequences.enrollmentservice.contact.ContactDirectory;
import me.wolfeo.sequences.enrollmentservice.contact.ContactIdentity;
import me.wolfeo.sequences.enrollmentservice.sequence.SequenceDirectory;
import me.wolfeo.sequences.enrollmentservice.sequence.SequenceProjection;
import me.wolfeo.sequences.enrollmentservice.stage.ProjectedStage;
import me.wolfeo.sequences.platform.contract.TimeZones;
import me.wolfeo.sequences.platform.contract.enrollment.ContactSources;
import me.wolfeo.sequences.platform.contract.enrollment.Disenroll;
import me.wolfeo.sequences.platform.contract.enrollment.Enroll;
import me.wolfeo.sequences.platform.contract.enrollment.EnrollmentRejected;
import me.wolfeo.sequences.platform.contract.enrollment.EnrollmentResult;
import me.wolfeo.sequences.platform.contract.validation.ContractValidator;
import me.wolfeo.sequences.platform.messaging.CommandRejectedException;
import me.wolfeo.sequences.platform.messaging.Envelope;
import me.wolfeo.sequences.platform.messaging.ErrorCodes;
import me.wolfeo.sequences.platform.messaging.InvalidMessageException;
import me.wolfeo.sequences.platform.messaging.MessageCodec;
import me.wolfeo.sequences.platform.messaging.inbound.MessageContext;
import me.wolfeo.sequences.platform.phone.PhoneNumbers;

/**
 * Applies enroll and disenroll, from the gateway and from internal systems alike. A contact is in at most one
 * sequence at a time. Every business refusal is also announced as {@code enrollment.rejected}, so that internal
 * systems, which get no reply, learn of it.
 */
@ApplicationScoped
public class EnrollmentCommands {

    static final String ALREADY_ENROLLED = "Contact is already enrolled in a sequence.";
    static final String OPTED_OUT = "The contact has opted out; lift the opt-out to enroll it again.";

    private final ContractValidator validator;
    private final ContactDirectory directory;
    private final SequenceDirectory sequences;
    private final AccountProjectionRepository accounts;
    private final PhoneNumbers phones;
    private final EnrollmentEvents events;
    private final MessageCodec codec;
    private final Clock clock;
    private final EnrollMetrics metrics;

    public EnrollmentCommands(ContactDirectory directory, SequenceDirectory sequences,
            AccountProjectionRepository accounts, PhoneNumbers phones, EnrollmentEvents events, MessageCodec codec,
            Clock clock, EnrollMetrics metrics, ContractValidator validator) {
        this.validator = validator;
        this.directory = directory;
        this.sequences = sequences;
        this.accounts = accounts;
        this.phones = phones;
        this.events = events;
        this.codec = codec;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Applies an enroll command, counting its outcome (enrolled, or the refusal's code) in {@link EnrollMetrics}. */
    public EnrollmentResult enroll(Envelope message, MessageContext context) {
        EnrollmentResult result;
        try {
            result = applyEnroll(message, context);
        } catch (CommandRejectedException rejected) {
            metrics.counted(rejected.problem().code());
            throw rejected;
        } catch (InvalidMessageException invalid) {
            metrics.counted(ErrorCodes.VALIDATION_ERROR); // dead-lettered; a requester gets VALIDATION_ERROR
            throw invalid;
        }
        metrics.counted(EnrollMetrics.ENROLLED);
        return result;
    }

    private EnrollmentResult applyEnroll(Envelope message, MessageContext context) {
        Enroll command = validator.checked(codec.data(message, Enroll.class));
        Map<String, List<String>> errors = new LinkedHashMap<>();
        Optional<ContactIdentity> identity = ContactIdentity.of(command.source(), command.id(),
                command.phoneNumber(), phones, errors);
        failIfAny(errors);
        requireKnownAccount(message, context);
        long accountId = message.accountId();

        SequenceProjection sequence = sequences.lockLive(accountId, command.sequenceId())
                .orElseThrow(() -> refuse(message, command, ErrorCodes.NOT_FOUND, "Sequence not found."));
        ContactIdentity who = identity.orElseThrow();
        Optional<Contact> existing = directory.find(accountId, who.key());
        Long movedFrom = null;
        if (existing.isPresent() && existing.get().optedOut) {
            throw refuse(message, command, ErrorCodes.CONTACT_OPTED_OUT, OPTED_OUT);
        }
        Optional<Enrollment> active = existing.flatMap(found -> directory.activeEnrollment(found.id));
        // Read after the enrollment's lock: a step the engine ran while this waited for it comes before the move.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (active.isPresent()) {
            if (!Boolean.TRUE.equals(command.forceEnroll())) {
                throw refuse(message, command, ErrorCodes.ALREADY_ENROLLED, ALREADY_ENROLLED);
            }
            movedFrom = active.get().sequenceId;
            active.get().end(Enrollment.MOVED, now);
            directory.ended(active.get());
            events.disenrolled(active.get());
        }
        Contact contact = existing.orElseGet(() -> newContact(accountId, who, command, now));
        if (existing.isPresent()) {
            fillAttributes(contact, command, who, now);
        }

        ProjectedStage firstStage = sequences.stagesOf(sequence).stream().findFirst().orElse(null);
        Enrollment enrollment = Enrollment.start(accountId, contact.id, sequence.sequenceId, sequence.paused,
                firstStage, now);
        directory.enrolled(enrollment);
        events.enrolled(enrollment, movedFrom);
        return new EnrollmentResult(contact.id, 1);
    }

    public EnrollmentResult disenroll(Envelope message, MessageContext context) {
        Disenroll command = validator.checked(codec.data(message, Disenroll.class));
        Map<String, List<String>> errors = new LinkedHashMap<>();
        Optional<ContactIdentity> identity = ContactIdentity.of(command.source(), command.id(),
                command.phoneNumber(), phones, errors);
        failIfAny(errors);
        requireKnownAccount(message, context);
        Contact contact = directory.find(message.accountId(), identity.orElseThrow().key())
                .orElseThrow(() -> refuse(message, command, ErrorCodes.NOT_FOUND, "Contact not found."));
        Optional<Enrollment> active = directory.activeEnrollment(contact.id);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        active.ifPresent(enrollment -> {
            enrollment.end(Enrollment.DISENROLLED, now);
            directory.ended(enrollment);
            events.disenrolled(enrollment);
        });
        return new EnrollmentResult(contact.id, active.isPresent() ? 1 : 0);
    }

    private Contact newContact(long accountId, ContactIdentity who, Enroll command, Instant now) {
        Contact contact = new Contact();
        contact.accountId = accountId;
        contact.createdAt = now;
        fillAttributes(contact, command, who, now);
        directory.add(contact, who.key(), who.keys());
        return contact;
    }

    /**
     * Loads, in a few queries, the sequences and the contacts (with their keys and active enrollments) that a
     * batch of commands is about, so that applying the commands one by one reads from memory.
     */
    public void prefetch(List<Envelope> messages) {
        List<ContactDirectory.AccountKey> keys = new ArrayList<>();
        Set<Long> sequenceIds = new HashSet<>();
        for (Envelope message : messages) {
            try {
                String source = message.data().path("source").asText(null);
                String id = message.data().path("id").asText(null);
                String phone = message.data().path("phone_number").asText(null);
                ContactIdentity.of(source, id, phone, phones, new LinkedHashMap<>())
                        .ifPresent(who -> who.keys().forEach(
                                key -> keys.add(new ContactDirectory.AccountKey(message.accountId(), key))));
                if (message.data().path("sequence_id").canConvertToLong()) {
                    sequenceIds.add(message.data().path("sequence_id").asLong());
                }
            } catch (RuntimeException e) {
                // a malformed message fails when it is applied, with the reason; it needs nothing loaded
            }
        }
        sequences.prefetch(sequenceIds);
        directory.prefetch(keys);
    }

    private static void fillAttributes(Contact contact, Enroll command, ContactIdentity who, Instant now) {
        if (who.phone() != null) {
            contact.phoneNumber = who.phone();
        }
        if (command.email() != null && !command.email().isBlank()) {
            contact.email = command.email().strip();
        }
        if (command.firstName() != null && !command.firstName().isBlank()) {
            contact.firstName = command.firstName().strip();
        }
        if (command.lastName() != null && !command.lastName().isBlank()) {
            contact.lastName = command.lastName().strip();
        }
        TimeZones.named(command.timezone()).ifPresent(zone -> contact.timezone = zone.getId());
        contact.updatedAt = now;
    }

    private static void failIfAny(Map<String, List<String>> errors) {
        if (!errors.isEmpty()) {
            throw CommandRejectedException.invalid(errors);
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
        String keyPhone = phones.toE164(phone).orElse(phone);
        events.rejected(message.accountId(), ContactSources.partitionKey(message.accountId(), source, id, keyPhone),
                new EnrollmentRejected(message.id(), message.type(), code, reason, sequenceId, source, id, phone));
        return new CommandRejectedException(code, reason);
    }

}
