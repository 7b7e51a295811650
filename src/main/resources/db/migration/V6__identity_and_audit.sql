-- Identity: accounts of the Secretariat and of the participants' delegations; sign-in attempts.
create table account (
    id               uuid primary key,
    email            text        not null,
    display_name     text        not null,
    role             varchar(32) not null check (role in ('SECRETARIAT_ADMINISTRATOR', 'SECRETARIAT_OFFICER',
                         'NATIONAL_COORDINATOR', 'DELEGATE', 'EXPERT')),
    participant_code varchar(10) references participant (code),
    password_hash    text,
    active           boolean     not null default true,
    created_at       timestamptz not null default now(),
    check ((role in ('NATIONAL_COORDINATOR', 'DELEGATE')) = (participant_code is not null))
);

create unique index account_email on account (lower(email));

create table sign_in_attempt (
    id         bigserial primary key,
    email      text        not null,
    address    text        not null,
    succeeded  boolean     not null,
    at         timestamptz not null default now()
);

create index sign_in_attempt_recent on sign_in_attempt (lower(email), at);
create index sign_in_attempt_address on sign_in_attempt (address, at);

-- Audit: append-only, hash-chained. The application may insert; nobody may update, delete or truncate.
create table audit_entry (
    id            bigserial primary key,
    at            timestamptz not null,
    actor         text        not null,
    on_behalf_of  text        not null,
    action        text        not null,
    subject       text        not null,
    before_digest varchar(64),
    after_digest  varchar(64),
    previous_hash varchar(64) not null,
    hash          varchar(64) not null unique
);

create function audit_entries_are_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit entries cannot be changed or removed' using errcode = '42501';
end $$;

create trigger audit_entry_no_update before update or delete on audit_entry
    for each row execute function audit_entries_are_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entries_are_append_only();
