-- Accounts have a status: PROPOSED (by a national coordinator, awaiting the Secretariat), INVITED (invitation sent, no
-- credential yet), ACTIVE (may sign in), DEACTIVATED. Only ACTIVE signs in. `active` stays, derived from the status, so
-- that every reader of it keeps its meaning and no writer can make the two disagree.
alter table account add column status varchar(16) not null default 'ACTIVE'
    check (status in ('PROPOSED', 'INVITED', 'ACTIVE', 'DEACTIVATED'));
update account set status = case when active then 'ACTIVE' else 'DEACTIVATED' end;
alter table account drop column active;
alter table account add column active boolean generated always as (status = 'ACTIVE') stored;
-- when the person first had a credential (an account that was active once comes back active on reactivation; one that
-- never was is invited again)
alter table account add column activated_at timestamptz;
update account set activated_at = created_at where status = 'ACTIVE' or password_hash is not null;

create index account_status on account (status);

-- One-time links sent by mail (an invitation, a password reset): only a SHA-256 of the secret is kept. A link works once,
-- until it expires, and only while no newer link of the same purpose replaced it.
create table one_time_link (
    id           uuid primary key,
    account_id   uuid        not null references account (id),
    purpose      varchar(16) not null check (purpose in ('INVITATION', 'PASSWORD_RESET')),
    secret_hash  varchar(64) not null unique,
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    used_at      timestamptz,
    replaced_at  timestamptz
);

create index one_time_link_account on one_time_link (account_id, purpose);
