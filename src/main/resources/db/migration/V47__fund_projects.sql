-- The CICA Fund's projects (issue 15): a member State's project with its kept revisions, the Secretariat's questions and
-- eligibility checklist, the PRC's decision (decision.id), the approved tranches and the reports on them. The money
-- itself (allocation, disbursement, return) is the ledger's (V46); a tranche keeps the id of its disbursement's entry.
create table fund_project (
    id               bigserial    primary key,
    owner_code       varchar(10)  not null references participant (code),
    state            varchar(20)  not null check (state in ('DRAFT', 'SUBMITTED', 'QUESTIONS', 'ELIGIBLE', 'INELIGIBLE',
                                                           'UNDER_DECISION', 'APPROVED', 'NOT_APPROVED', 'IMPLEMENTING', 'CLOSED')),
    revision         integer      not null default 1,
    created_at       timestamptz  not null,
    created_by       varchar(254) not null,
    -- the eligibility checklist as the Secretariat last filled it: [{criterion, met, reason}]
    eligibility      jsonb,
    eligibility_at   timestamptz,
    -- what was put to the PRC: the decision, the amount and the tranches proposed ([{amount, plannedOn}])
    decision_id      bigint       references decision (id),
    proposed_amount  numeric(18, 2) check (proposed_amount > 0),
    proposed_tranches jsonb,
    approved_amount  numeric(18, 2) check (approved_amount > 0),
    decided_on       date,
    closed_on        date,
    returned_amount  numeric(18, 2) check (returned_amount >= 0)
);
create index fund_project_owner on fund_project (owner_code);
create unique index fund_project_decision on fund_project (decision_id) where decision_id is not null;

-- every revision of a project's text, kept: the draft (revision 1, saved until submitted), then one per resubmission
create table fund_project_revision (
    project      bigint       not null references fund_project (id),
    number       integer      not null check (number > 0),
    content      jsonb        not null,
    saved_at     timestamptz  not null,
    saved_by     varchar(254) not null,
    submitted_at timestamptz,
    primary key (project, number)
);

-- the Secretariat's questions on a submitted revision
create table fund_project_question (
    id        bigserial    primary key,
    project   bigint       not null references fund_project (id),
    revision  integer      not null,
    text      text         not null check (length(trim(text)) > 0),
    asked_at  timestamptz  not null,
    asked_by  varchar(254) not null
);
create index fund_project_question_project on fund_project_question (project);

-- an approved project's tranches, numbered from 1; disbursed once
create table fund_tranche (
    id               bigserial     primary key,
    project          bigint        not null references fund_project (id),
    number           integer       not null check (number > 0),
    amount           numeric(18, 2) not null check (amount > 0),
    planned_on       date          not null,
    disbursed_on     date,
    disbursed_amount numeric(18, 2) check (disbursed_amount > 0),
    ledger_entry     bigint,
    reference        varchar(200),
    disbursed_at     timestamptz,
    disbursed_by     varchar(254),
    unique (project, number),
    constraint tranche_disbursed check ((disbursed_on is null) = (disbursed_amount is null))
);

-- progress and final reports on a disbursed tranche, each submission kept; the Secretariat accepts one
create table fund_project_report (
    id           bigserial    primary key,
    project      bigint       not null references fund_project (id),
    tranche      integer      not null,
    kind         varchar(10)  not null check (kind in ('PROGRESS', 'FINAL')),
    due_on       date         not null,
    text         text         not null check (length(trim(text)) > 0),
    submitted_at timestamptz  not null,
    submitted_by varchar(254) not null,
    late         boolean      not null,
    accepted_at  timestamptz,
    accepted_by  varchar(254)
);
create index fund_project_report_project on fund_project_report (project, tranche);
create unique index fund_project_report_accepted on fund_project_report (project, tranche) where accepted_at is not null;

-- approved projects are public: their pages are cached by the data version of the DECISIONS area (the PRC's decisions
-- move them), which the public pages' stamp already covers
do $$
declare
    entry record;
begin
    for entry in select * from (values ('DECISIONS', 'fund_project'), ('DECISIONS', 'fund_project_revision'),
            ('DECISIONS', 'fund_project_question'), ('DECISIONS', 'fund_tranche'), ('DECISIONS', 'fund_project_report')) as areas (area, tab)
    loop
        insert into data_version (area) values (entry.area) on conflict do nothing;
        execute format('create trigger %I after insert on %I referencing new table as changed for each statement '
                       'execute function data_version_bump(%L)', entry.tab || '_version_i', entry.tab, entry.area);
        execute format('create trigger %I after update on %I referencing new table as changed for each statement '
                       'execute function data_version_bump(%L)', entry.tab || '_version_u', entry.tab, entry.area);
        execute format('create trigger %I after delete on %I referencing old table as changed for each statement '
                       'execute function data_version_bump(%L)', entry.tab || '_version_d', entry.tab, entry.area);
    end loop;
end $$;
