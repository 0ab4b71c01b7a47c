-- Tables of the platform's messaging mechanisms, in every service database that uses them.
-- A repeatable migration, so that it can live in the shared library without taking version numbers from the
-- services: every statement is idempotent, and a later change is made by adding statements here.

-- Messages written in the same transaction as the state change they describe, until the relay has sent them.
CREATE TABLE IF NOT EXISTS platform_outbox (
    id          bigserial PRIMARY KEY,
    topic       text        NOT NULL,
    message_key text,
    headers     text        NOT NULL,
    payload     bytea       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- Ids of the messages already processed (scoped by account), with the reply they got: a redelivered message
-- or a retried idempotency key is answered from here instead of being applied twice.
CREATE TABLE IF NOT EXISTS platform_processed_message (
    message_id   text PRIMARY KEY,
    message_type text        NOT NULL,
    fingerprint  text        NOT NULL,
    reply        bytea,
    processed_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX IF NOT EXISTS platform_processed_message_processed_at
    ON platform_processed_message (processed_at);
