-- Registry: a status period ended by a decision of the register points to it (the period's own decision_id, V25, is the
-- decision that caused it).
alter table status_period add column ended_decision_id bigint, add column ended_decision_register varchar(40);

-- Corrections without a developer: the Secretariat records a status period no decision caused; a claim of the history it
-- replaces or changes is kept here as it stood, with who superseded it (an e-mail), when, why and on which sources, and
-- the first day of the period that replaced it. Never updated nor deleted.
create table status_period_superseded (
    id                      bigserial   primary key,
    participant_code        varchar(10) not null references participant (code),
    status                  varchar(10) not null check (status in ('MEMBER', 'OBSERVER', 'PARTNER')),
    starts_on               date        not null,
    precision               varchar(10) not null check (precision in ('DAY', 'MONTH', 'YEAR', 'ATTESTED')),
    ends_on                 date check (ends_on > starts_on),
    how                     text        not null default '',
    admitted_at             text,
    ordinal                 integer,
    sources                 text[]      not null default '{}',
    note                    text,
    decision_id             bigint,
    decision_register       varchar(40),
    ended_decision_id       bigint,
    ended_decision_register varchar(40),
    replaced_by             date        not null,
    superseded_at           timestamptz not null,
    superseded_by           text        not null check (superseded_by <> ''),
    reason                  text        not null check (reason <> ''),
    correction_sources      text[]      not null default '{}'
);
create index status_period_superseded_participant on status_period_superseded (participant_code, superseded_at);

create function status_period_superseded_is_kept() returns trigger language plpgsql as $$
begin
    raise exception 'a superseded claim is kept as it stood' using errcode = '55000';
end $$;

create trigger status_period_superseded_kept
    before update or delete on status_period_superseded
    for each row execute function status_period_superseded_is_kept();
