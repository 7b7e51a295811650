-- Personal calendar feeds (issue 12): a calendar client cannot sign in, so a person's feed is reached by a secret in
-- its address. Only its SHA-256 is kept; a person has at most one working token (making a new one revokes the old).
create table calendar_token (
    id          uuid primary key,
    account_id  uuid        not null references account (id),
    token_hash  varchar(64) not null unique,
    created_at  timestamptz not null,
    revoked_at  timestamptz check (revoked_at is null or revoked_at >= created_at)
);

create unique index calendar_token_working on calendar_token (account_id) where revoked_at is null;
