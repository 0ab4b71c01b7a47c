-- Sending schedules. A sequence's schedule as sequence-service announces it (the JSON of contract.sequence.Schedule;
-- null: any day, any hour); a contact's own time zone (an IANA name given on enrollment); and why an enrollment's
-- step waits past its due time (window, weekend, holiday, throttle), shown by the progress read.
ALTER TABLE sequence_projection ADD COLUMN schedule jsonb;
ALTER TABLE contacts ADD COLUMN timezone varchar(64);
ALTER TABLE enrollments ADD COLUMN wait_reason varchar(16);

-- Contacts who started each throttled sequence, per minute: the throttle holds across engine replicas because every
-- claim counts here, under the row's lock, in its own transaction.
CREATE TABLE sequence_starts (
    sequence_id bigint      NOT NULL,
    minute      timestamptz NOT NULL,
    started     integer     NOT NULL,
    PRIMARY KEY (sequence_id, minute)
);
