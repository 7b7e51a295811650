-- Applications for a status: a State or organization applies (the note verbale received, the status sought); where the
-- application stands is derived from the decisions that name it (decision.application_id). Only its outcome is kept
-- here, written by the transaction that concludes the deciding decision, so that one participant has at most one open
-- application for a status (the partial unique index), whatever two clerks do at once.
create table application (
    id               bigserial    primary key,
    participant_code varchar(10)  not null references participant (code),
    status_sought    varchar(10)  not null check (status_sought in ('MEMBER', 'OBSERVER', 'PARTNER')),
    received_on      date         not null,
    reference        varchar(200) not null check (length(trim(reference)) > 0),
    note             text,
    access_level     varchar(20)  not null check (access_level in ('PUBLIC', 'PARTICIPANTS', 'MEMBERS', 'SECRETARIAT')),
    recorded_at      timestamptz  not null,
    recorded_by      varchar(254) not null,
    -- GRANTED (the final decision adopted and its admission applied) or REFUSED (a step's decision not adopted, until a
    -- new decision on that step is proposed); null while open
    outcome          varchar(10)  check (outcome in ('GRANTED', 'REFUSED')),
    outcome_decision bigint       references decision (id),
    outcome_on       date,
    constraint outcome_has_decision check ((outcome is null) = (outcome_decision is null) and (outcome is null) = (outcome_on is null))
);
create unique index application_open on application (participant_code, status_sought) where outcome is null;
create index application_participant on application (participant_code);

-- a decision names an application that exists (checked at commit: the proposal's listener refuses an unknown one first)
alter table decision add constraint decision_application foreign key (application_id) references application (id)
    deferrable initially deferred;
