-- Delegations as registered for a meeting by their national coordinator (or the Secretariat), distinct from the
-- historical `delegation` table taken from the sources, which stays. A registration is replaced as a whole: its
-- delegates are written again; the audit log keeps each version. Only accredited people are named (checked by the
-- application against identity's accreditations on the day of registration); a person appears once per delegation.
create table delegation_registration (
    meeting_id       varchar(40) not null references meeting (id),
    participant_code varchar(10) not null references participant (code),
    registered_by    text        not null,
    registered_at    timestamptz not null,
    updated_at       timestamptz not null,
    primary key (meeting_id, participant_code)
);

create table registered_delegate (
    meeting_id       varchar(40) not null,
    participant_code varchar(10) not null,
    position         integer     not null check (position >= 0),
    role             varchar(10) not null check (role in ('HEAD', 'MEMBER', 'ADVISER')),
    account_id       uuid        not null references account (id),
    name             text        not null check (length(name) between 1 and 200),
    title            text check (title is null or length(title) <= 300),
    level            varchar(24) check (level is null or level in ('HEAD_OF_STATE', 'HEAD_OF_GOVERNMENT', 'VICE_PRESIDENT',
                        'DEPUTY_PRIME_MINISTER', 'MINISTER', 'DEPUTY_MINISTER', 'SENIOR_OFFICIAL', 'AMBASSADOR', 'OFFICIAL',
                        'EXPERT', 'OTHER')),
    primary key (meeting_id, participant_code, position),
    unique (meeting_id, participant_code, account_id),
    foreign key (meeting_id, participant_code) references delegation_registration (meeting_id, participant_code) on delete cascade,
    -- the head of delegation, and only the head, has a level and a title
    check ((role = 'HEAD') = (level is not null)),
    check (role <> 'HEAD' or title is not null)
);
create unique index registered_delegate_one_head on registered_delegate (meeting_id, participant_code) where role = 'HEAD';

-- Attendance, per day of a meeting: the day's list is recorded (possibly empty) and replaced as a whole.
create table attendance_day (
    meeting_id  varchar(40) not null references meeting (id),
    day         date        not null,
    recorded_by text        not null,
    recorded_at timestamptz not null,
    primary key (meeting_id, day)
);

create table attendance_present (
    meeting_id       varchar(40) not null,
    day              date        not null,
    participant_code varchar(10) not null references participant (code),
    primary key (meeting_id, day, participant_code),
    foreign key (meeting_id, day) references attendance_day (meeting_id, day) on delete cascade
);

-- The registration deadline a reminder was given for: a changed deadline is reminded again.
alter table meeting add column registration_reminded_for timestamptz;
