-- Each account's cap of emails per sender address per day (UTC) across its sequences; null: no cap. The engine, in
-- enrollment-service, learns it from account.sending_limits_changed.
ALTER TABLE accounts
    ADD COLUMN emails_per_sender_per_day integer CHECK (emails_per_sender_per_day > 0);
