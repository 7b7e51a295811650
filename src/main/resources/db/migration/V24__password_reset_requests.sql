-- A request for a password reset is only written down while the requester waits (the same work whether or not the
-- address has an account, so neither the answer nor its timing tells); a worker looks the address up and mails the link.
create table password_reset_request (
    id           bigserial primary key,
    email        text        not null check (length(email) <= 254),
    requested_at timestamptz not null
);
