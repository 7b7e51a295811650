-- Decisions with effects: what an adopted decision changes in the forum, applied by the module owning the data, once.
-- Decisions recorded from the forum's history (reference data) sit in the same register: their text may not be held
-- (no document or no version), their meeting may be unknown, and they carry their sources.
alter table decision
    alter column document_id drop not null,
    alter column version drop not null,
    add column recorded     boolean not null default false,
    add column decided_on   date,
    add column sources      text[]  not null default '{}',
    add column application_id bigint;

-- decided_on: the day of adoption in the forum's time zone (for decisions adopted before this column, read from closed_at).
alter table decision
    drop constraint silence_has_deadline,
    drop constraint meeting_has_meeting,
    add constraint silence_has_deadline check (recorded or (procedure = 'SILENCE') = (deadline is not null and time_zone is not null)),
    add constraint meeting_has_meeting check (recorded or (procedure = 'MEETING') = (meeting_id is not null)),
    add constraint taken_has_text check (recorded or (document_id is not null and version is not null)),
    add constraint version_has_document check (version is null or document_id is not null);
create index decision_register on decision (register_year, body_code);
create index decision_application on decision (application_id) where application_id is not null;

-- The effects a proposal carries, in order; applied_at is set when (and only when) the adopting transaction applied it,
-- refusal when the forum's rules forbade it on its day (nothing of it is then written).
create table decision_effect (
    decision_id  bigint  not null references decision (id),
    position     int     not null check (position >= 0),
    kind         varchar(30) not null check (kind in ('ADMIT', 'END_STATUS', 'ELECT_CHAIR', 'EXTEND_CHAIR_TERM', 'APPOINT',
                     'ESTABLISH_BODY', 'RENAME_BODY', 'RENAME_OFFICE', 'DISSOLVE_BODY', 'ADOPT_CATALOGUE_EDITION', 'APPROVE_PLAN')),
    terms        jsonb   not null check (jsonb_typeof(terms) = 'object'),
    effective_on date,
    applied_at   timestamptz,
    applied_from date,
    refusal      text,
    primary key (decision_id, position),
    constraint applied_or_refused check (applied_at is null or refusal is null)
);

-- The records a decision caused point to it: its id and register symbol, kept by the module owning the record.
alter table status_period add column decision_id bigint, add column decision_register varchar(40);
alter table chair_term add column decision_id bigint, add column decision_register varchar(40);
alter table secretariat_head add column decision_id bigint, add column decision_register varchar(40);
alter table secretariat_title add column decision_id bigint, add column decision_register varchar(40);
alter table body_name add column decision_id bigint, add column decision_register varchar(40);
alter table body add column decision_id bigint, add column decision_register varchar(40);
