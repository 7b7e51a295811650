-- The Catalogue of Confidence-Building Measures: editions (each the whole Catalogue as adopted, immutable),
-- coordinators of priority areas over time, and States' voluntary commitments as a history of changes.
create table catalogue_edition (
    code        varchar(20) primary key check (code ~ '^[0-9A-Z][0-9A-Z-]*$'),
    title       text not null,
    adopted_on  date not null,
    precision   varchar(10) not null check (precision in ('DAY', 'MONTH', 'YEAR', 'ATTESTED')),
    adopted_by  varchar(10) not null references body (code),
    meeting_id  varchar(40) references meeting (id),
    document_id varchar(60) references document (id),
    sources     text[] not null default '{}',
    note        text,
    content     jsonb not null check (jsonb_typeof(content) = 'array')
);

create function catalogue_editions_are_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'an adopted edition of the Catalogue never changes; a change is a new edition' using errcode = 'P0001';
end $$;
create trigger catalogue_edition_immutable before update or delete on catalogue_edition
    for each row execute function catalogue_editions_are_immutable();
create trigger catalogue_edition_no_truncate before truncate on catalogue_edition
    for each statement execute function catalogue_editions_are_immutable();

create table coordination (
    id            bigserial primary key,
    priority_area varchar(60) not null,
    participant   varchar(10) not null references participant (code),
    role          varchar(20) not null check (role in ('COORDINATOR', 'CO_COORDINATOR')),
    starts_on     date not null,
    precision     varchar(10) not null check (precision in ('DAY', 'MONTH', 'YEAR', 'ATTESTED')),
    ends_on       date,
    sources       text[] not null default '{}',
    note          text,
    check (ends_on is null or ends_on > starts_on)
);
create index coordination_area on coordination (priority_area);

create table commitment_change (
    id              bigserial primary key,
    participant     varchar(10) not null references participant (code),
    priority_area   varchar(60) not null,
    measure         varchar(60),
    kind            varchar(10) not null check (kind in ('OPT_IN', 'OPT_OUT')),
    effective_on    date not null,
    recorded_at     timestamptz not null,
    recorded_by     varchar(254) not null,
    written_request text,
    note            text
);
create index commitment_change_participant on commitment_change (participant, effective_on);

create function commitment_changes_are_history() returns trigger language plpgsql as $$
begin
    raise exception 'the history of commitments is kept: record a new change instead' using errcode = 'P0001';
end $$;
create trigger commitment_change_kept before update or delete on commitment_change
    for each row execute function commitment_changes_are_history();
