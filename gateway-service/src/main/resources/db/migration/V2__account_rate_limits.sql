-- Each account's own rate limits, in requests per minute per API token; null: the gateway's configured default.
ALTER TABLE accounts
    ADD COLUMN rest_requests_per_minute    integer CHECK (rest_requests_per_minute > 0),
    ADD COLUMN webhook_requests_per_minute integer CHECK (webhook_requests_per_minute > 0);
