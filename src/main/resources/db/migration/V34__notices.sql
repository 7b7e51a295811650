-- Notices (issue 12): what each person is told of the forum's events, in-app and by mail, and how they choose.

-- One notice per person and event: the unique (account, event key) makes a listener or a reminder job that runs twice
-- (two instances, a retry, a restart) write it once; its mail is written only by the insert that created the row.
create table notice (
    id          bigserial primary key,
    account_id  uuid        not null references account (id),
    kind        varchar(40) not null,
    event_key   text        not null,
    title       text        not null,
    body        text        not null,
    link        text        not null,
    created_at  timestamptz not null,
    read_at     timestamptz,
    delivery    varchar(10) not null check (delivery in ('IMMEDIATE', 'DAILY', 'OFF')),
    mail_id     bigint references outbox_mail (id),
    digested_at timestamptz,
    unique (account_id, event_key)
);
create index notice_newest on notice (account_id, created_at desc, id desc);
create index notice_undigested on notice (account_id) where delivery = 'DAILY' and digested_at is null;

-- How a person is told of each kind (no row: the kind's default, IMMEDIATE)
create table notice_setting (
    account_id uuid        not null references account (id),
    kind       varchar(40) not null,
    delivery   varchar(10) not null check (delivery in ('IMMEDIATE', 'DAILY', 'OFF')),
    primary key (account_id, kind)
);

-- The time zone a person reads deadlines in (no row: the forum's)
create table notice_preference (
    account_id uuid primary key references account (id),
    time_zone  text not null
);

-- One daily digest per person and day, whichever instance runs the job: the row is written with the mail
create table notice_digest (
    account_id uuid        not null references account (id),
    day        date        not null,
    mail_id    bigint references outbox_mail (id),
    notices    int         not null,
    created_at timestamptz not null,
    primary key (account_id, day)
);

-- Unsubscribe links: a random token per mail, only its SHA-256 kept, naming the person and the kinds the mail told of (comma-separated)
create table notice_unsubscribe (
    token_hash bytea primary key,
    account_id uuid        not null references account (id),
    kinds      text        not null,
    created_at timestamptz not null,
    used_at    timestamptz
);

-- RFC 8058 one-click unsubscribe: the link the mail's List-Unsubscribe header carries (null: not a subscription, e.g.
-- invitations, password resets, audit checkpoints)
alter table outbox_mail add column unsubscribe_url text;
