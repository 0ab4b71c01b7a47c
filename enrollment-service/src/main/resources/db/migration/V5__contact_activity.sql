-- Contact activity (replied, bounced, unsubscribed, meeting_booked), from internal systems and the API.
-- opted_out: the contact unsubscribed; it is not enrolled again until the opt-out is lifted (PUT /v1/contact).
-- bounced_email: the address that bounced (as it was then); email steps skip the contact while its address is
-- that one, so a new address given later is mailed again.
ALTER TABLE contacts
    ADD COLUMN opted_out     boolean NOT NULL DEFAULT false,
    ADD COLUMN bounced_email varchar(254);

-- Per sequence: a reply, or a booked meeting, ends the contact's enrollment (sequence-service's settings, learned
-- from sequences.events).
ALTER TABLE sequence_projection
    ADD COLUMN stop_on_reply   boolean NOT NULL DEFAULT true,
    ADD COLUMN stop_on_meeting boolean NOT NULL DEFAULT true;
