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

-- Keys and headers are kept as bytes, exactly as they will go to Kafka: a dead letter copies the key and the
-- headers of a hostile record (a NUL byte, say), and text columns would refuse them, failing the very write
-- that must take the record out of the way.
DO $$
BEGIN
    IF (SELECT data_type FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = 'platform_outbox'
          AND column_name = 'message_key') = 'text' THEN
        ALTER TABLE platform_outbox ALTER COLUMN message_key TYPE bytea USING convert_to(message_key, 'UTF8');
        ALTER TABLE platform_outbox ALTER COLUMN headers TYPE bytea USING convert_to(headers, 'UTF8');
    END IF;
END
$$;
