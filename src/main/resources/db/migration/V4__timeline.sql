-- Historical events that are not already another record (proposals, documents adopted, decisions, ...).
-- Meetings, accessions, handovers, renamings and bodies created are derived from their own records.
create table historical_event (
    id         varchar(20) primary key,
    occurred_on date       not null,
    precision  varchar(10) not null check (precision in ('DAY', 'MONTH', 'YEAR', 'ATTESTED')),
    kind       varchar(20) not null check (kind in ('PROPOSAL', 'DOCUMENT_ADOPTED', 'PROCESS_STAGE', 'DECISION', 'OTHER')),
    title      text        not null,
    meeting_id varchar(40) references meeting (id),
    sources    text[]      not null default '{}',
    note       text
);

create index historical_event_days on historical_event (occurred_on);
