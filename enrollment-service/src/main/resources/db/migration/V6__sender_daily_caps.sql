-- Each account's cap of emails per sender address per day (UTC), as the gateway announces it; null: no cap.
ALTER TABLE account_projection ADD COLUMN emails_per_sender_per_day integer;

-- Emails sent per account, sender address (lower case) and day (UTC): the cap holds across engine replicas because
-- every claim counts here, under the row's lock, in its own transaction.
CREATE TABLE sender_daily_sends (
    account_id bigint       NOT NULL,
    sender     varchar(320) NOT NULL,
    day        date         NOT NULL,
    sent       integer      NOT NULL,
    PRIMARY KEY (account_id, sender, day)
);
