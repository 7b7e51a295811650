-- Concept papers and multi-year action plans per priority area, with their activities and the approval recorded by the body
-- that approved them.
create table implementation_plan (
    code              varchar(60) primary key check (code ~ '^[A-Z0-9][A-Z0-9-]*$'),
    kind              varchar(20) not null check (kind in ('CONCEPT_PAPER', 'ACTION_PLAN')),
    priority_area     varchar(60) not null,
    title             text not null,
    from_year         int not null,
    until_year        int not null,
    document_id       varchar(60) references document (id),
    proposed_by       varchar(10) references participant (code),
    activities        jsonb not null check (jsonb_typeof(activities) = 'array'),
    approved_by       varchar(10) references body (code),
    approved_on       date,
    approval_meeting  varchar(40) references meeting (id),
    approval_decision bigint references decision (id),
    sources           text[] not null default '{}',
    note              text,
    check (until_year >= from_year),
    check ((approved_by is null) = (approved_on is null))
);
