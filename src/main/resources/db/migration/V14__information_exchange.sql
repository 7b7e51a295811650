-- Information exchange: types defined as data (schedule, form fields, allowed visibilities), and States' submissions
-- with their due moment, lateness, visibility and the Secretariat's acknowledgement of receipt.
create table exchange_type (
    code               varchar(40) primary key check (code ~ '^[A-Z0-9][A-Z0-9-]*$'),
    title              text not null,
    schedule           varchar(20) not null check (schedule in ('ANNUAL', 'EVENT_RELATIVE')),
    due                varchar(10),
    lead_days          int check (lead_days is null or lead_days between 0 and 3650),
    fields             jsonb not null check (jsonb_typeof(fields) = 'array'),
    visibilities       text[] not null check (cardinality(visibilities) > 0),
    default_visibility varchar(20) not null,
    priority_area      varchar(60),
    measure            varchar(60),
    sources            text[] not null default '{}',
    note               text,
    check ((schedule = 'ANNUAL') = (due is not null)),
    check ((schedule = 'EVENT_RELATIVE') = (lead_days is not null)),
    check (default_visibility = any (visibilities))
);

create table exchange_submission (
    id                 bigserial primary key,
    type_code          varchar(40) not null references exchange_type (code),
    participant        varchar(10) not null references participant (code),
    reference_year     int,
    activity           text,
    activity_starts_at timestamptz,
    activity_zone      varchar(60),
    due_at             timestamptz not null,
    answers            jsonb not null,
    nil                boolean not null,
    visibility         varchar(20) not null check (visibility in ('PUBLIC', 'PARTICIPANTS', 'SECRETARIAT')),
    submitted_at       timestamptz not null,
    submitted_by       varchar(254) not null,
    late               boolean not null,
    acknowledged_at    timestamptz,
    acknowledged_by    varchar(254),
    check ((reference_year is null) = (activity is not null))
);
create unique index exchange_submission_once_a_year on exchange_submission (type_code, participant, reference_year)
    where reference_year is not null;
