-- People work in English or Russian: each account keeps its language; the accounts page shows the last sign-in.
alter table account add column language varchar(2) not null default 'en' check (language in ('en', 'ru'));
alter table account add column last_signed_in_at timestamptz;

-- The notification outbox: a mail is written in the transaction of the act that causes it, rendered in the
-- recipient's language, and sent later by a worker (exactly once per row: claimed under a row lock, marked sent).
create table outbox_mail (
    id              bigserial primary key,
    channel         varchar(16) not null default 'MAIL' check (channel in ('MAIL')),
    kind            varchar(64) not null,
    recipient       text        not null,
    recipient_name  text,
    language        varchar(2)  not null check (language in ('en', 'ru')),
    subject         text        not null,
    text_body       text        not null,
    html_body       text        not null,
    -- secret parts (one-time links) the Secretariat administrator may read on the outbox page while unsent
    created_at      timestamptz not null,
    not_before      timestamptz not null,
    attempts        integer     not null default 0,
    last_error      text,
    sent_at         timestamptz,
    message_id      text        not null unique
);

create index outbox_mail_due on outbox_mail (not_before) where sent_at is null;
create index outbox_mail_recipient on outbox_mail (lower(recipient), created_at);
