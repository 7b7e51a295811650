-- The keyed audit chain (ADR 0004, issue 9 item 10).
-- Entries written from now on carry chain = 2: a gap-free position (seq) and an HMAC-SHA256 hash under a key held
-- outside the database. Entries already written (chain = 1) keep their unkeyed SHA-256 hashes and are verified as
-- they are; their positions are 1..n in id order and the first keyed entry takes position n + 1 and links to the last
-- of them. Nothing here updates an existing row.
alter table audit_entry add column chain smallint not null default 1;
-- no default from now on: a writer that does not know the keyed chain cannot append
alter table audit_entry alter column chain drop default;
alter table audit_entry add column seq bigint;
alter table audit_entry add constraint audit_entry_chain_known check (chain in (1, 2));
alter table audit_entry add constraint audit_entry_keyed_has_seq check (chain = 1 or seq is not null);
-- partial: the head is read by a backward scan that never walks over the unkeyed entries
create unique index audit_entry_seq on audit_entry (seq) where seq is not null;

-- The identity of this database's chain: bound into every keyed hash and named in every checkpoint, so a checkpoint
-- file shared by several databases (tests, a re-created development database) is read for the right one only.
create table audit_chain (
    singleton  boolean primary key default true check (singleton),
    id         uuid        not null default gen_random_uuid(),
    created_at timestamptz not null default now()
);
insert into audit_chain default values;

-- Signed checkpoints of the chain's head. The authoritative copies are outside the database (a file, the log and
-- mail); this copy lets several instances on one database write one checkpoint per interval, and is checked too.
create table audit_checkpoint (
    id    bigserial primary key,
    chain uuid        not null,
    at    timestamptz not null,
    line  text        not null
);
create index audit_checkpoint_chain_at on audit_checkpoint (chain, at);

create trigger audit_chain_no_update before update or delete on audit_chain
    for each row execute function audit_entries_are_append_only();
create trigger audit_chain_no_truncate before truncate on audit_chain
    for each statement execute function audit_entries_are_append_only();
create trigger audit_checkpoint_no_update before update or delete on audit_checkpoint
    for each row execute function audit_entries_are_append_only();
create trigger audit_checkpoint_no_truncate before truncate on audit_checkpoint
    for each statement execute function audit_entries_are_append_only();

-- The application's own role (V16) may read and append, never change or remove. A no-op when the migrations run as
-- that role (embedded PostgreSQL, or an external database without a separate application role).
do $$
begin
    if '${appRole}' <> current_user and exists (select from pg_roles where rolname = '${appRole}') then
        execute format('grant select, insert on audit_chain, audit_checkpoint to %I', '${appRole}');
        execute format('grant usage on sequence audit_checkpoint_id_seq to %I', '${appRole}');
        execute format('revoke update, delete, truncate on audit_chain, audit_checkpoint from %I', '${appRole}');
    end if;
end $$;
