-- Meetings as the Secretariat runs them (issue 12): a meeting's plan can change (postponed, moved, turned online,
-- cancelled) and every plan is kept. The meeting row holds the current plan and its number; meeting_plan keeps each
-- plan as it was, with the reason for the change, who recorded it and when. A meeting may also be cancelled, and
-- delegations register until a deadline.
alter table meeting drop constraint meeting_status_check;
alter table meeting add constraint meeting_status_check
    check (status in ('HELD', 'PLANNED', 'NOT_HELD_AS_PLANNED', 'CANCELLED'));
alter table meeting add column plan_number integer not null default 1 check (plan_number >= 1);
alter table meeting add column registration_closes timestamptz;

drop index meeting_number_in_series;
create unique index meeting_number_in_series on meeting (body_code, number)
    where number is not null and status not in ('NOT_HELD_AS_PLANNED', 'CANCELLED');

create table meeting_plan (
    meeting_id          varchar(40) not null references meeting (id),
    plan_number         integer     not null check (plan_number >= 1),
    starts_on           date        not null,
    ends_on             date        not null check (ends_on >= starts_on),
    status              varchar(24) not null check (status in ('HELD', 'PLANNED', 'NOT_HELD_AS_PLANNED', 'CANCELLED')),
    place               text,
    online              boolean     not null,
    host                varchar(10) references participant (code),
    registration_closes timestamptz,
    reason              text,
    recorded_by         text        not null,
    recorded_at         timestamptz not null,
    sources             text[]      not null default '{}',
    primary key (meeting_id, plan_number)
);

-- a plan, once recorded, is history: it is never changed or removed
create function meeting_plan_kept() returns trigger language plpgsql as $$
begin
    raise exception 'meeting plans are kept as recorded (%, plan %)', old.meeting_id, old.plan_number;
end $$;
create trigger meeting_plan_kept before update or delete on meeting_plan
    for each row execute function meeting_plan_kept();

-- every meeting recorded so far has had one plan: the one it holds
insert into meeting_plan (meeting_id, plan_number, starts_on, ends_on, status, place, online, host, registration_closes, reason,
                          recorded_by, recorded_at, sources)
select id, 1, starts_on, ends_on, status, place, online, host, null, null, 'reference data', now(), sources from meeting;
