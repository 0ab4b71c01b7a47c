-- The sequence engine. An enrollment is a small state machine; its row holds the stage it waits for and the
-- instant that stage is due, and the partial index on that instant is the whole timer: finding due work costs the
-- same however many enrollments wait.

-- Stages of sequence-service, as far as the engine needs them (learned from sequences.events, or asked of
-- sequence-service's read API for a sequence whose stages were never learned). A deleted stage stays as a tombstone
-- so that a late event cannot bring it back.
CREATE TABLE stage_projection (
    stage_id    bigint PRIMARY KEY,
    sequence_id bigint       NOT NULL,
    account_id  bigint       NOT NULL,
    step        integer      NOT NULL,
    name        varchar(255) NOT NULL,
    stage_type  varchar(16)  NOT NULL,
    time_value  integer      NOT NULL,
    time_type   integer      NOT NULL,
    active      boolean      NOT NULL,
    sms_text    text,
    deleted     boolean      NOT NULL DEFAULT false
);

CREATE INDEX stage_projection_live_by_sequence ON stage_projection (sequence_id, step) WHERE NOT deleted;

-- stages_known: the stages of this sequence are in stage_projection (true for every sequence learned from its
-- sequence.created event; false for sequences learned before the engine existed, until asked once).
ALTER TABLE sequence_projection
    ADD COLUMN paused       boolean NOT NULL DEFAULT false,
    ADD COLUMN stages_known boolean NOT NULL DEFAULT false;

-- state: active (waiting for its next step, or running it), paused, finished, disenrolled, failed.
-- active (the older column) stays "not ended": it is what the one-enrollment-per-contact index guards.
-- next_stage_id: the stage the contact waits for (null: the sequence has no stage after the last one run yet).
-- anchor_at: when the previous step ran (or the enrollment began); the next stage's delay counts from here.
-- due_at: anchor_at + the next stage's delay, moved later for retries; null when nothing is scheduled.
-- sequence_paused: a copy of the sequence's pause, so that the timer index leaves a paused sequence's rows out.
ALTER TABLE enrollments
    ADD COLUMN state           varchar(16) NOT NULL DEFAULT 'active',
    ADD COLUMN next_stage_id   bigint,
    ADD COLUMN anchor_at       timestamptz,
    ADD COLUMN due_at          timestamptz,
    ADD COLUMN sequence_paused boolean     NOT NULL DEFAULT false,
    ADD COLUMN attempts        integer     NOT NULL DEFAULT 0,
    ADD COLUMN retrying_since  timestamptz,
    ADD COLUMN last_error      text;

UPDATE enrollments SET state = 'disenrolled' WHERE NOT active;
UPDATE enrollments SET anchor_at = enrolled_at;
ALTER TABLE enrollments ALTER COLUMN anchor_at SET NOT NULL;

CREATE INDEX enrollments_due ON enrollments (due_at)
    WHERE state = 'active' AND NOT sequence_paused AND due_at IS NOT NULL;
CREATE INDEX enrollments_waiting_on_stage ON enrollments (next_stage_id) WHERE active;
CREATE INDEX enrollments_by_contact_and_sequence ON enrollments (contact_id, sequence_id, id);

-- What each step of an enrollment did. A stage runs at most once per enrollment: the primary key says so.
CREATE TABLE enrollment_steps (
    enrollment_id bigint      NOT NULL REFERENCES enrollments (id),
    stage_id      bigint      NOT NULL,
    step          integer     NOT NULL,
    stage_type    varchar(16) NOT NULL,
    outcome       varchar(16) NOT NULL CHECK (outcome IN ('done', 'skipped', 'failed')),
    reason        text,
    delivery_id   text        NOT NULL,
    attempts      integer     NOT NULL,
    ran_at        timestamptz NOT NULL,
    PRIMARY KEY (enrollment_id, stage_id)
);
