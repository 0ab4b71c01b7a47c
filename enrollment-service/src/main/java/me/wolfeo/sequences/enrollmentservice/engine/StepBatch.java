package me.wolfeo.sequences.enrollmentservice.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.narayana.jta.QuarkusTransaction;

import me.wolfeo.sequences.enrollmentservice.EnrollmentConfig;
import me.wolfeo.sequences.enrollmentservice.delivery.EmailSender;
import me.wolfeo.sequences.enrollmentservice.enrollment.EnrollmentEvents;
import me.wolfeo.sequences.enrollmentservice.enrollment.EnrollmentState;
import me.wolfeo.sequences.enrollmentservice.schedule.AllowedTimes;
import me.wolfeo.sequences.enrollmentservice.schedule.ContactTimeZones;
import me.wolfeo.sequences.enrollmentservice.schedule.NextAllowed;
import me.wolfeo.sequences.enrollmentservice.schedule.WaitReason;
import me.wolfeo.sequences.enrollmentservice.sequence.SequenceDirectory;
import me.wolfeo.sequences.enrollmentservice.sequence.SequenceProjectionRepository;
import me.wolfeo.sequences.enrollmentservice.stage.ProjectedStage;
import me.wolfeo.sequences.enrollmentservice.stage.StageProjectionStore;
import me.wolfeo.sequences.platform.contract.enrollment.ContactFinished;
import me.wolfeo.sequences.platform.contract.enrollment.StepCompleted;
import me.wolfeo.sequences.platform.contract.sequence.Schedule;
import me.wolfeo.sequences.platform.contract.sequence.StageRules;
import me.wolfeo.sequences.platform.internalapi.ContentServiceClient;

/**
 * One claim of due work, in one transaction: claim a batch of due enrollments (locked, skipping those another loop
 * or replica holds), run each one's step, record it, move the enrollment on to its next stage (or finish it), and
 * write the step events to the outbox. A crash before the commit leaves the rows due: the steps run again with
 * the same delivery ids; a crash after it loses nothing.
 *
 * <p>
 * A step is due {@code time_value * time_type} after the previous step ran (the first: after the enrollment). A
 * step the provider cannot take now is retried with a doubling backoff for {@code retry-window}, then failed; a
 * failed step does not stop the enrollment, which goes on to its next stage.
 */
@ApplicationScoped
class StepBatch {

    private final DueStepStore store;
    private final StageProjectionStore stages;
    private final SequenceProjectionRepository sequenceProjection;
    private final SequenceDirectory sequences;
    private final StepExecutor executor;
    private final EnrollmentEvents events;
    private final EmailSender email;
    private final ContentServiceClient content;
    private final Clock clock;
    private final EnrollmentConfig.Engine config;
    private final AllowedTimes allowedTimes;
    private final ContactTimeZones zones;
    private final EngineMetrics metrics;

    StepBatch(DueStepStore store, StageProjectionStore stages, SequenceProjectionRepository sequenceProjection,
            SequenceDirectory sequences, StepExecutor executor, EnrollmentEvents events, EmailSender email,
            @RestClient ContentServiceClient content, Clock clock, EnrollmentConfig config, AllowedTimes allowedTimes,
            ContactTimeZones zones, EngineMetrics metrics) {
        this.store = store;
        this.stages = stages;
        this.sequenceProjection = sequenceProjection;
        this.sequences = sequences;
        this.executor = executor;
        this.events = events;
        this.email = email;
        this.content = content;
        this.clock = clock;
        this.config = config.engine();
        this.allowedTimes = allowedTimes;
        this.zones = zones;
        this.metrics = metrics;
    }

    /** Runs one batch of due steps; returns how many enrollments it claimed. */
    int runOnce() {
        return QuarkusTransaction.requiringNew().call(this::claimAndRun);
    }

    private int claimAndRun() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<DueEnrollment> due = store.claim(now, config.batchSize());
        if (due.isEmpty()) {
            return 0;
        }
        List<Long> sequenceIds = due.stream().map(DueEnrollment::sequenceId).distinct().toList();
        Map<Long, List<ProjectedStage>> live = stages.liveStagesOf(sequenceIds);
        Map<Long, StepContact> contacts = store.contacts(due.stream().map(DueEnrollment::contactId).distinct()
                .toList());
        Work work = new Work(now, live, store.schedules(sequenceIds), store.startsIn(now));
        SenderSends senders = store.sendsIn(now, due.stream().map(DueEnrollment::accountId).distinct().toList());
        try (BatchDelivery delivery = new BatchDelivery(content, email.open(), senders)) {
            for (DueEnrollment enrollment : due) {
                advance(enrollment, contacts.get(enrollment.contactId()), delivery, work);
            }
        }
        work.starts.write();
        senders.write();
        store.write(work.steps, work.changes);
        return due.size();
    }

    private void advance(DueEnrollment enrollment, StepContact contact, BatchDelivery delivery, Work work) {
        ProjectedStage stage = stageToRun(enrollment, work);
        if (stage == null) {
            // Every stage run: wait until one is added (stageAdded puts the row back in the timer).
            work.changes.add(waiting(enrollment, null, null));
            return;
        }
        Instant dueAt = enrollment.anchorAt().plus(stage.delay());
        if (enrollment.attempts() == 0 && dueAt.isAfter(work.now)) {
            work.changes.add(waiting(enrollment, stage.stageId(), dueAt));
            return;
        }
        if (heldBack(enrollment, stage, contact, work)) {
            return;
        }
        StepOutcome outcome = executor.execute(enrollment, stage, contact, delivery, work.now);
        if (outcome.kind() == StepOutcome.Kind.HELD) {
            metrics.stepRun("held", stage.stageType());
            work.changes.add(heldUntil(enrollment, stage, delivery.senders().nextDay(), WaitReason.THROTTLE));
            return;
        }
        if (outcome.kind() == StepOutcome.Kind.RETRY) {
            outcome = retryOrGiveUp(enrollment, stage, outcome, work);
            if (outcome == null) {
                metrics.stepRun("retried", stage.stageType());
                return;
            }
        }
        metrics.stepRun(outcome.kind().recorded, stage.stageType());
        record(enrollment, stage, outcome, work);
        ProjectedStage next = nextAfter(work.live.getOrDefault(enrollment.sequenceId(), List.of()), stage);
        if (next == null) {
            finish(enrollment, work);
        } else {
            work.changes.add(new EnrollmentChange(enrollment.id(), EnrollmentState.ACTIVE, true, next.stageId(),
                    work.now, work.now.plus(next.delay()), 0, null, null, null, null, null));
        }
    }

    /**
     * Moves a due step that its sequence's schedule does not allow now (outside the window, a weekend, a holiday, in
     * the contact's zone) to the next allowed instant, and a first step past the sequence's throttle to the next
     * minute; true when it did. The later steps' delays count from when the step really runs.
     */
    private boolean heldBack(DueEnrollment enrollment, ProjectedStage stage, StepContact contact, Work work) {
        Schedule schedule = work.schedules.getOrDefault(enrollment.sequenceId(), Schedule.ANY_TIME);
        if (schedule.limitsTimes()) {
            ZoneId zone = contact == null
                    ? zones.resolve(null, null, schedule)
                    : zones.resolve(contact.timezone(), contact.phoneNumber(), schedule);
            NextAllowed allowed = allowedTimes.next(schedule, zone, work.now);
            if (allowed.moved()) {
                work.changes.add(heldUntil(enrollment, stage, allowed.at(), allowed.reason()));
                return true;
            }
        }
        if (schedule.throttlePerMinute() != null && isFirstStage(enrollment, stage, work)
                && !work.starts.take(enrollment.sequenceId(), schedule.throttlePerMinute())) {
            work.changes.add(heldUntil(enrollment, stage, work.starts.nextMinute(), WaitReason.THROTTLE));
            return true;
        }
        return false;
    }

    private static boolean isFirstStage(DueEnrollment enrollment, ProjectedStage stage, Work work) {
        List<ProjectedStage> sequenceStages = work.live.getOrDefault(enrollment.sequenceId(), List.of());
        return !sequenceStages.isEmpty() && sequenceStages.get(0).stageId() == stage.stageId();
    }

    private static EnrollmentChange heldUntil(DueEnrollment enrollment, ProjectedStage stage, Instant at,
            WaitReason reason) {
        return new EnrollmentChange(enrollment.id(), EnrollmentState.ACTIVE, true, stage.stageId(),
                enrollment.anchorAt(), at, enrollment.attempts(), enrollment.retryingSince(), null, null, null,
                reason.code());
    }

    /** The stage the enrollment waits for; where that is no longer certain, the first live stage it has not run. */
    private ProjectedStage stageToRun(DueEnrollment enrollment, Work work) {
        List<ProjectedStage> sequenceStages = work.live.getOrDefault(enrollment.sequenceId(), List.of());
        if (enrollment.nextStageId() != null) {
            for (ProjectedStage stage : sequenceStages) {
                if (stage.stageId() == enrollment.nextStageId()) {
                    return stage;
                }
            }
        }
        if (sequenceStages.isEmpty()) {
            sequenceStages = stagesAskedOnce(enrollment, work);
        }
        Set<Long> run = work.stagesRun(enrollment.id());
        return sequenceStages.stream().filter(stage -> !run.contains(stage.stageId())).findFirst().orElse(null);
    }

    /** A sequence known from before the engine: its stages are asked of sequence-service once. */
    private List<ProjectedStage> stagesAskedOnce(DueEnrollment enrollment, Work work) {
        List<ProjectedStage> asked = sequenceProjection.findByIdOptional(enrollment.sequenceId())
                .map(sequences::stagesOf).orElse(List.of());
        work.live.put(enrollment.sequenceId(), asked);
        return asked;
    }

    private StepOutcome retryOrGiveUp(DueEnrollment enrollment, ProjectedStage stage, StepOutcome outcome,
            Work work) {
        Instant since = enrollment.retryingSince() == null ? work.now : enrollment.retryingSince();
        int attempts = enrollment.attempts() + 1;
        if (Duration.between(since, work.now).compareTo(config.retryWindow()) >= 0) {
            return StepOutcome.failed("Gave up after " + attempts + " attempts: " + outcome.reason(),
                    outcome.deliveryId());
        }
        work.changes.add(new EnrollmentChange(enrollment.id(), EnrollmentState.ACTIVE, true, stage.stageId(),
                enrollment.anchorAt(), work.now.plus(backoff(attempts)), attempts, since, outcome.reason(), null,
                null, null));
        return null;
    }

    /** Doubling from {@code retry-backoff}, capped at {@code max-retry-backoff}. */
    Duration backoff(int attempts) {
        Duration wait = config.retryBackoff();
        for (int i = 1; i < attempts && wait.compareTo(config.maxRetryBackoff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(config.maxRetryBackoff()) > 0 ? config.maxRetryBackoff() : wait;
    }

    /**
     * Records the step and announces it. A done {@code action} step is announced once, by its
     * {@code action.triggered} event on {@code enrollments.actions} (the step's event, on a topic of its own): one
     * event per step is half the outbox rows of a burst of actions.
     */
    private void record(DueEnrollment enrollment, ProjectedStage stage, StepOutcome outcome, Work work) {
        int attempts = enrollment.attempts() + 1;
        work.steps.add(new StepRecord(enrollment.id(), stage.stageId(), stage.step(), stage.stageType(),
                outcome.kind().recorded, outcome.reason(), outcome.deliveryId(), attempts, work.now));
        if (outcome.kind() == StepOutcome.Kind.DONE && StageRules.ACTION.equals(stage.stageType())) {
            return;
        }
        events.stepCompleted(enrollment.accountId(), new StepCompleted(enrollment.id(), enrollment.contactId(),
                enrollment.sequenceId(), stage.stageId(), stage.step(), stage.stageType(), outcome.kind().recorded,
                outcome.reason(), outcome.deliveryId(), attempts, work.now));
    }

    private void finish(DueEnrollment enrollment, Work work) {
        work.changes.add(new EnrollmentChange(enrollment.id(), EnrollmentState.FINISHED, false, null, work.now, null,
                0, null, null, work.now, EnrollmentState.FINISHED, null));
        events.finished(enrollment.accountId(), new ContactFinished(enrollment.id(), enrollment.contactId(),
                enrollment.sequenceId(), work.now));
    }

    private static EnrollmentChange waiting(DueEnrollment enrollment, Long stageId, Instant dueAt) {
        return new EnrollmentChange(enrollment.id(), EnrollmentState.ACTIVE, true, stageId, enrollment.anchorAt(),
                dueAt, 0, null, null, null, null, null);
    }

    private static ProjectedStage nextAfter(List<ProjectedStage> sequenceStages, ProjectedStage done) {
        return sequenceStages.stream().filter(stage -> stage.step() > done.step()).findFirst().orElse(null);
    }

    /** What one batch has read and decided so far. */
    private final class Work {

        final Instant now;
        final Map<Long, List<ProjectedStage>> live;
        final List<StepRecord> steps = new ArrayList<>();
        final List<EnrollmentChange> changes = new ArrayList<>();
        final Map<Long, Schedule> schedules;
        final SequenceStarts starts;

        Work(Instant now, Map<Long, List<ProjectedStage>> live, Map<Long, Schedule> schedules,
                SequenceStarts starts) {
            this.now = now;
            this.live = new HashMap<>(live);
            this.schedules = schedules;
            this.starts = starts;
        }

        /** Read only for the few enrollments whose next stage must be resolved. */
        Set<Long> stagesRun(long enrollmentId) {
            return store.stagesRun(List.of(enrollmentId)).getOrDefault(enrollmentId, Set.of());
        }
    }
}
