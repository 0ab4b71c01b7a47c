-- A paused sequence runs none of its steps for anyone until it is resumed.
ALTER TABLE sequences ADD COLUMN paused boolean NOT NULL DEFAULT false;

-- The text a send_sms stage sends, placeholders unfilled; null until set (and always for the other types).
-- 1600 characters is Twilio's limit on a message body (StageRules.SMS_TEXT_MAX_LENGTH).
ALTER TABLE stages ADD COLUMN sms_text varchar(1600);
