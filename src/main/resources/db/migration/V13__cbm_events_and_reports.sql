-- CBM events hosted by States or the chairmanship under a priority area, and States' yearly implementation
-- reports per priority area, each save kept as an immutable revision (drafts, submissions, resubmissions).
create table cbm_event (
    id               varchar(60) primary key check (id ~ '^[A-Z0-9][A-Z0-9-]*$'),
    title            text not null,
    kind             varchar(20) not null check (kind in ('SEMINAR', 'WORKSHOP', 'EXPERTS_MEETING', 'BUSINESS_FORUM', 'TRAINING',
                         'VIDEO_CONFERENCE', 'CONFERENCE', 'FORUM', 'HUMANITARIAN_AID', 'OTHER')),
    priority_area    varchar(60) not null,
    host             varchar(10) references participant (code),
    by_chairmanship  boolean not null default false,
    starts_on        date not null,
    ends_on          date not null,
    precision        varchar(10) not null check (precision in ('DAY', 'MONTH', 'YEAR', 'ATTESTED')),
    place            text,
    online           boolean not null default false,
    participating    text[] not null default '{}',
    outcome_documents text[] not null default '{}',
    sources          text[] not null default '{}',
    note             text,
    recorded_by      varchar(254) not null,
    check (ends_on >= starts_on)
);
create index cbm_event_area on cbm_event (priority_area);

create table implementation_report (
    id            bigserial primary key,
    participant   varchar(10) not null references participant (code),
    priority_area varchar(60) not null,
    year          int not null check (year between 1999 and 2200),
    due_at        timestamptz not null,
    unique (participant, priority_area, year)
);

create table report_revision (
    report_id   bigint not null references implementation_report (id),
    number      int not null check (number >= 1),
    kind        varchar(12) not null check (kind in ('DRAFT', 'SUBMISSION')),
    nil         boolean not null,
    text        text not null,
    saved_at    timestamptz not null,
    saved_by    varchar(254) not null,
    late        boolean not null,
    primary key (report_id, number),
    check (not nil or text = '' or length(text) <= 20000),
    check (kind = 'SUBMISSION' or not late)
);

create function report_revisions_are_kept() returns trigger language plpgsql as $$
begin
    raise exception 'a saved report revision is kept as it was; save a new one' using errcode = 'P0001';
end $$;
create trigger report_revision_kept before update or delete on report_revision
    for each row execute function report_revisions_are_kept();
