-- Meetings carry an access level: most are public, some are closed (members only, named participants, Secretariat only).
alter table meeting add column access_level varchar(20) not null default 'PUBLIC'
    check (access_level in ('PUBLIC', 'PARTICIPANTS', 'MEMBERS', 'NAMED_PARTICIPANTS', 'SECRETARIAT'));
alter table meeting add column access_named text[] not null default '{}';
alter table meeting add constraint meeting_named_participants
    check ((access_level = 'NAMED_PARTICIPANTS') = (cardinality(access_named) > 0));
