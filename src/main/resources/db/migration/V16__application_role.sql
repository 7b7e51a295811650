-- The application connects as its own role (${appRole}), which does not own the tables: it reads and writes them, but
-- the audit log it may only read and append to. Not owning audit_entry, it cannot disable its triggers either.
-- On sequences only USAGE (nextval) and SELECT (currval), never UPDATE: with it the role could setval an id sequence back
-- (audit_entry_id_seq) and make every later insert fail.
-- Run by the schema's owner. When the application's role is the owner itself (an external database configured with one
-- user), there is nothing to grant: the start-up check warns that the application owns the audit table.
do $$
declare
  app text := '${appRole}';
  schema_name text := current_schema();
begin
  if app = current_user then
    raise warning 'the application role % runs the migrations and owns the tables, the audit table included', app;
    return;
  end if;
  if not exists (select from pg_roles where rolname = app) then
    raise exception 'the application role % does not exist: create it first (see README, "External PostgreSQL")', app;
  end if;
  execute format('grant usage on schema %I to %I', schema_name, app);
  execute format('grant select, insert, update, delete on all tables in schema %I to %I', schema_name, app);
  execute format('grant usage, select on all sequences in schema %I to %I', schema_name, app);
  -- the audit log: read and append only
  execute format('revoke update, delete, truncate, references, trigger on audit_entry from %I', app);
  -- the migrations' history is the owner's
  execute format('revoke insert, update, delete, truncate on %I.%I from %I', '${flyway:defaultSchema}', '${flyway:table}', app);
  -- tables and sequences of later migrations are granted alike (audit tables revoke what they must themselves)
  execute format('alter default privileges in schema %I grant select, insert, update, delete on tables to %I', schema_name, app);
  execute format('alter default privileges in schema %I grant usage, select on sequences to %I', schema_name, app);
end $$;
