-- Personal API tokens for machine clients: only a SHA-256 of the secret is kept.
create table api_token (
    id           uuid primary key,
    account_id   uuid        not null references account (id),
    name         text        not null check (length(name) between 1 and 100),
    secret_hash  varchar(64) not null unique,
    prefix       varchar(12) not null,
    created_at   timestamptz not null,
    expires_at   timestamptz not null check (expires_at > created_at),
    revoked_at   timestamptz,
    last_used_at timestamptz
);

create index api_token_account on api_token (account_id);
