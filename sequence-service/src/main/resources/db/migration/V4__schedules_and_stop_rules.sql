-- When a sequence's steps may run (the JSON of contract.sequence.Schedule; null: any day, any hour), and whether a
-- reply or a booked meeting ends a contact's enrollment.
ALTER TABLE sequences
    ADD COLUMN schedule        jsonb,
    ADD COLUMN stop_on_reply   boolean NOT NULL DEFAULT true,
    ADD COLUMN stop_on_meeting boolean NOT NULL DEFAULT true;
