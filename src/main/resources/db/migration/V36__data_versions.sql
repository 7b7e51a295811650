-- Data versions (issue 13): one row per area of the record, bumped by every committed statement that changed a row of
-- one of the area's tables. Caches of the small, rarely changing registry and organs data and the public pages' ETag and
-- Last-Modified are keyed on them, so a change on any instance sharing this database is seen by all.
-- A statement that changes no row (a poller's empty UPDATE) bumps nothing: the triggers look at the transition tables.
-- changed_at only moves forward: writers of an area queue on its row, so each takes the time after the one before it.
create table data_version (
    area       varchar(20) primary key,
    version    bigint      not null default 1,
    changed_at timestamptz not null default clock_timestamp()
);

create function data_version_bump() returns trigger language plpgsql as $$
begin
    if exists (select 1 from changed) then
        update data_version set version = version + 1, changed_at = greatest(changed_at, clock_timestamp())
         where area = TG_ARGV[0];
    end if;
    return null;
end $$;

do $$
declare
    entry record;
begin
    for entry in select * from (values
            ('REGISTRY', 'participant'), ('REGISTRY', 'status_period'), ('REGISTRY', 'status_period_superseded'),
            ('REGISTRY', 'signature'), ('REGISTRY', 'founding_document'),
            ('ORGANS', 'body'), ('ORGANS', 'body_claim'), ('ORGANS', 'body_member'), ('ORGANS', 'body_name'),
            ('ORGANS', 'chair_term'), ('ORGANS', 'organ_superseded_claim'), ('ORGANS', 'secretariat_head'),
            ('ORGANS', 'secretariat_seat'), ('ORGANS', 'secretariat_title'),
            ('MEETINGS', 'meeting'), ('MEETINGS', 'meeting_plan'), ('MEETINGS', 'delegation'),
            ('MEETINGS', 'agenda_version'), ('MEETINGS', 'agenda_item'), ('MEETINGS', 'delegation_registration'),
            ('MEETINGS', 'registered_delegate'), ('MEETINGS', 'attendance_day'), ('MEETINGS', 'attendance_present'),
            ('DOCUMENTS', 'document'), ('DOCUMENTS', 'document_version'), ('DOCUMENTS', 'amendment'),
            ('DOCUMENTS', 'alternative_position'), ('DOCUMENTS', 'cosponsorship'),
            ('DECISIONS', 'decision'), ('DECISIONS', 'decision_effect'), ('DECISIONS', 'objection'),
            ('DECISIONS', 'vote'), ('DECISIONS', 'position_statement'), ('DECISIONS', 'application'),
            ('CBM', 'catalogue_edition'), ('CBM', 'coordination'), ('CBM', 'commitment_change'), ('CBM', 'cbm_event'),
            ('CBM', 'implementation_plan'), ('CBM', 'implementation_report'), ('CBM', 'report_revision'),
            ('CBM', 'exchange_type'), ('CBM', 'exchange_submission'),
            ('TIMELINE', 'historical_event'),
            ('IDENTITY', 'account'), ('IDENTITY', 'accreditation')) as areas (area, tab)
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

