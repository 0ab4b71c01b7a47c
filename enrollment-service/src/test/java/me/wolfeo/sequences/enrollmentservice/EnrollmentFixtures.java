package me.wolfeo.sequences.enrollmentservice;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

import me.wolfeo.sequences.enrollmentservice.account.AccountProjectionRepository;
import me.wolfeo.sequences.enrollmentservice.contact.Contact;
import me.wolfeo.sequences.enrollmentservice.contact.ContactDirectory;
import me.wolfeo.sequences.enrollmentservice.contact.ContactKey;
import me.wolfeo.sequences.enrollmentservice.contact.ContactRepository;
import me.wolfeo.sequences.enrollmentservice.enrollment.Enrollment;
import me.wolfeo.sequences.enrollmentservice.enrollment.EnrollmentProgressReader;
import me.wolfeo.sequences.enrollmentservice.enrollment.EnrollmentRepository;
import me.wolfeo.sequences.enrollmentservice.sequence.SequenceProjectionRepository;
import me.wolfeo.sequences.enrollmentservice.stage.StageProjectionStore;
import me.wolfeo.sequences.platform.contract.Topics;
import me.wolfeo.sequences.platform.contract.account.AccountData;
import me.wolfeo.sequences.platform.contract.account.AccountMessageTypes;
import me.wolfeo.sequences.platform.contract.account.AccountSendingLimits;
import me.wolfeo.sequences.platform.contract.enrollment.EnrollmentProgress;
import me.wolfeo.sequences.platform.contract.sequence.Schedule;
import me.wolfeo.sequences.platform.contract.sequence.SequenceData;
import me.wolfeo.sequences.platform.contract.sequence.SequenceDeleted;
import me.wolfeo.sequences.platform.contract.sequence.SequenceMessageTypes;
import me.wolfeo.sequences.platform.contract.sequence.StageData;
import me.wolfeo.sequences.platform.contract.sequence.StageDeleted;
import me.wolfeo.sequences.platform.contract.sequence.StageRules;
import me.wolfeo.sequences.platform.testing.MessagingTestClient;

/**
 * Sets the scene as the other services would (accounts and sequences announced on their topics) and reads what
 * enrollment-service stored, each read in a transaction of its own so it is never a stale copy.
 */
@ApplicationScoped
public class EnrollmentFixtures {

    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() * 1000);

    private final MessagingTestClient client;
    private final AccountProjectionRepository accounts;
    private final SequenceProjectionRepository sequences;
    private final ContactRepository contacts;
    private final ContactDirectory directory;
    private final EnrollmentRepository enrollments;
    private final StageProjectionStore stages;
    private final EnrollmentProgressReader progressReader;

    public EnrollmentFixtures(MessagingTestClient client, AccountProjectionRepository accounts,
            SequenceProjectionRepository sequences, ContactRepository contacts, ContactDirectory directory,
            EnrollmentRepository enrollments, StageProjectionStore stages, EnrollmentProgressReader progressReader) {
        this.stages = stages;
        this.progressReader = progressReader;
        this.directory = directory;
        this.client = client;
        this.accounts = accounts;
        this.sequences = sequences;
        this.contacts = contacts;
        this.enrollments = enrollments;
    }

    public static long newId() {
        return IDS.incrementAndGet();
    }

    public static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(15)).pollInSameThread();
    }

    /** An account the gateway has announced, known to enrollment-service. */
    public long knownAccount() {
        long accountId = MessagingTestClient.newAccount();
        client.publish(Topics.ACCOUNT_EVENTS, Long.toString(accountId), AccountMessageTypes.ACCOUNT_CREATED,
                accountId, new AccountData(accountId, "Account " + accountId, Instant.now()));
        eventually().until(() -> isKnown(accountId));
        return accountId;
    }

    /** A sequence sequence-service has announced, known to enrollment-service. */
    public long knownSequence(long accountId, String name) {
        long sequenceId = newId();
        client.publish(Topics.SEQUENCE_EVENTS, Long.toString(sequenceId), SequenceMessageTypes.SEQUENCE_CREATED,
                accountId, new SequenceData(sequenceId, name, "normal", Instant.now(), false));
        eventually().until(() -> sequenceKnown(sequenceId));
        return sequenceId;
    }

    /** A stage sequence-service has announced (at the end of its sequence), known to enrollment-service. */
    public StageData knownStage(long accountId, long sequenceId, int step, String stageType, int timeValue,
            int timeType, boolean active, String smsText) {
        StageData stage = new StageData(newId(), sequenceId, step, "Step " + step, stageType, timeValue, timeType,
                active, Instant.now(), smsText);
        client.publish(Topics.SEQUENCE_EVENTS, Long.toString(sequenceId), SequenceMessageTypes.STAGE_CREATED,
                accountId, stage);
        eventually().until(() -> stageKnown(sequenceId, stage.id()));
        return stage;
    }

    /** An action stage, active. */
    public StageData knownActionStage(long accountId, long sequenceId, int step, int timeValue, int timeType) {
        return knownStage(accountId, sequenceId, step, StageRules.ACTION, timeValue, timeType, true, null);
    }

    /** Announces a stage's new settings, as sequence-service does after an update. */
    public void stageUpdated(long accountId, StageData stage) {
        client.publish(Topics.SEQUENCE_EVENTS, Long.toString(stage.sequenceId()), SequenceMessageTypes.STAGE_UPDATED,
                accountId, stage);
    }

    public void stageDeleted(long accountId, StageData stage, List<StageDeleted.StageStep> remaining) {
        client.publish(Topics.SEQUENCE_EVENTS, Long.toString(stage.sequenceId()), SequenceMessageTypes.STAGE_DELETED,
                accountId, new StageDeleted(stage.id(), stage.sequenceId(), stage.stageType(), remaining));
        eventually().until(() -> !stageKnown(stage.sequenceId(), stage.id()));
    }

    public void sequencePaused(long accountId, long sequenceId, boolean paused) {
        client.publish(Topics.SEQUENCE_EVENTS, Long.toString(sequenceId), SequenceMessageTypes.SEQUENCE_UPDATED,
                accountId, new SequenceData(sequenceId, "Paused " + paused, "normal", Instant.now(), paused));
        eventually().until(() -> sequencePausedIs(sequenceId, paused));
    }

    /** Announces the sequence's schedule (and whether it is paused), as sequence-service does after an update. */
    public void scheduled(long accountId, long sequenceId, Schedule schedule, boolean paused) {
        client.publish(Topics.SEQUENCE_EVENTS, Long.toString(sequenceId), SequenceMessageTypes.SEQUENCE_UPDATED,
                accountId, new SequenceData(sequenceId, "Scheduled", "normal", Instant.now(), paused, schedule, true,
                        true));
        eventually().until(() -> sequencePausedIs(sequenceId, paused) && scheduleIs(sequenceId, schedule));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean scheduleIs(long sequenceId, Schedule schedule) {
        return sequences.findByIdOptional(sequenceId).map(sequence -> sequence.schedule().equals(schedule))
                .orElse(false);
    }

    /** Announces the account's cap of emails per sender per day, as the gateway does when the operator sets it. */
    public void emailsPerSenderPerDay(long accountId, Integer cap) {
        client.publish(Topics.ACCOUNT_EVENTS, Long.toString(accountId), AccountMessageTypes.SENDING_LIMITS_CHANGED,
                accountId, new AccountSendingLimits(accountId, cap));
        eventually().until(() -> java.util.Objects.equals(emailCapOf(accountId), cap));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Integer emailCapOf(long accountId) {
        return accounts.findById(accountId).emailsPerSenderPerDay;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean sequencePausedIs(long sequenceId, boolean paused) {
        return sequences.findByIdOptional(sequenceId).map(sequence -> sequence.paused == paused).orElse(false);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean stageKnown(long sequenceId, long stageId) {
        return stages.liveStagesOf(List.of(sequenceId)).getOrDefault(sequenceId, List.of()).stream()
                .anyMatch(stage -> stage.stageId() == stageId);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public EnrollmentProgress progress(long contactId, long sequenceId) {
        return enrollments.latestOf(contactId, sequenceId).map(progressReader::progressOf).orElse(null);
    }

    public void deleteSequence(long accountId, long sequenceId) {
        client.publish(Topics.SEQUENCE_EVENTS, Long.toString(sequenceId), SequenceMessageTypes.SEQUENCE_DELETED,
                accountId, new SequenceDeleted(sequenceId, List.of()));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean isKnown(long accountId) {
        return accounts.isKnown(accountId);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean sequenceKnown(long sequenceId) {
        return sequences.findByIdOptional(sequenceId).isPresent();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean sequenceDeleted(long sequenceId) {
        return sequences.findByIdOptional(sequenceId).map(sequence -> sequence.deleted).orElse(false);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Contact contact(long accountId, ContactKey key) {
        return directory.find(accountId, key).orElse(null);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long contactCount(long accountId) {
        return contacts.count("accountId", accountId);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Enrollment activeEnrollment(long contactId) {
        return enrollments.activeOf(contactId).orElse(null);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Enrollment> enrollmentsOf(long contactId) {
        return enrollments.list("contactId", contactId);
    }
}
