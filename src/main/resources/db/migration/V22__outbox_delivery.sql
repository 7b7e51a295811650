-- Delivery of the notification outbox (ADR 10): a mail the worker gave up on after its maximum number of attempts (or
-- one that can never be sent, such as a malformed address) is marked failed, visible on the outbox page until the
-- Secretariat administrator retries it; the last attempt is kept beside the count and the last error.
alter table outbox_mail add column last_attempt_at timestamptz;
alter table outbox_mail add column failed_at timestamptz;
alter table outbox_mail add constraint outbox_mail_sent_or_failed check (sent_at is null or failed_at is null);

-- the worker's query: the due rows that are neither sent nor failed, oldest first
drop index outbox_mail_due;
create index outbox_mail_due on outbox_mail (not_before, id) where sent_at is null and failed_at is null;
