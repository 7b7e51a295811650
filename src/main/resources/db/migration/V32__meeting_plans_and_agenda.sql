-- Meetings as the Secretariat runs them (issue 12), plans and agenda.
--
-- 1. CICA's Seventh Ministerial Council (CMFA-7) was planned in Baku on 11 November 2024 and held online on 17 December
--    2024. A database loaded before this release holds CMFA-7 with one plan (plan 1 = the meeting as held), written by V31
--    or by the first load. The reference part cica/meeting-plans.yaml records the meeting's plans as they followed each
--    other (Meetings.recordPlanHistory); so that it can, the lone plan row of a meeting whose history that part has not
--    yet loaded is taken away here (the only time a plan row is removed: the row was derived from the meeting, not
--    recorded by anyone, and the part writes it again as plan 2 with the earlier plan before it). A fresh database has no
--    CMFA-7 yet: the loader records it from its first plan and the part adds the later one.
alter table meeting_plan disable trigger meeting_plan_kept;
delete from meeting_plan p
 where p.meeting_id = 'CMFA-7' and p.plan_number = 1 and p.reason is null and p.recorded_by = 'reference data'
   and not exists (select 1 from meeting_plan q where q.meeting_id = p.meeting_id and q.plan_number > 1)
   and not exists (select 1 from reference_dataset where name like '%/meeting-plans.yaml');
alter table meeting_plan enable trigger meeting_plan_kept;

-- 2. A meeting's agenda, every saved version kept: the items in their order (position 1 first), each with its title, its
--    status (proposed, taken, deferred), the documents (ids) and draft decisions (ids) under it. An agenda is provisional
--    until adopted (at the opening); a change to an adopted agenda carries its reason. Versions are never changed.
create table agenda_version (
    meeting_id  varchar(40) not null references meeting (id),
    version     integer     not null check (version >= 1),
    adopted     boolean     not null,
    reason      text,
    recorded_by text        not null,
    recorded_at timestamptz not null,
    primary key (meeting_id, version)
);

create table agenda_item (
    meeting_id varchar(40) not null,
    version    integer     not null,
    position   integer     not null check (position >= 1),
    title      text        not null check (length(btrim(title)) > 0),
    status     varchar(12) not null check (status in ('PROPOSED', 'TAKEN', 'DEFERRED')),
    documents  text[]      not null default '{}',
    decisions  bigint[]    not null default '{}',
    primary key (meeting_id, version, position),
    foreign key (meeting_id, version) references agenda_version (meeting_id, version)
);

create function agenda_kept() returns trigger language plpgsql as $$
begin
    raise exception 'agenda versions are kept as recorded (%)', old.meeting_id;
end $$;
create trigger agenda_version_kept before update or delete on agenda_version
    for each row execute function agenda_kept();
create trigger agenda_item_kept before update or delete on agenda_item
    for each row execute function agenda_kept();
