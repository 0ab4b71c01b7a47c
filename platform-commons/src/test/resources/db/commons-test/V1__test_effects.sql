-- What the test handlers do: one row per applied message, in the message's transaction.
CREATE TABLE test_effect (
    message_id text PRIMARY KEY
);
