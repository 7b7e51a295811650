-- Meetings of the forum's bodies, with the level at which each delegation came.
create table meeting (
    id         varchar(40) primary key,
    body_code  varchar(10) not null references body (code),
    number     integer check (number > 0),
    title      text        not null,
    starts_on  date        not null,
    ends_on    date        not null check (ends_on >= starts_on),
    precision  varchar(10) not null check (precision in ('DAY', 'MONTH', 'YEAR', 'ATTESTED')),
    status     varchar(24) not null check (status in ('HELD', 'PLANNED', 'NOT_HELD_AS_PLANNED')),
    place      text,
    online     boolean     not null default false,
    host       varchar(10) references participant (code),
    chair      varchar(10) references participant (code),
    chaired_by text,
    outcomes   text[]      not null default '{}',
    sources    text[]      not null default '{}',
    note       text
);

create unique index meeting_number_in_series on meeting (body_code, number) where number is not null and status <> 'NOT_HELD_AS_PLANNED';
create index meeting_days on meeting (starts_on);

create table delegation (
    meeting_id       varchar(40) not null references meeting (id),
    participant_code varchar(10) not null references participant (code),
    level            varchar(24) not null check (level in ('HEAD_OF_STATE', 'HEAD_OF_GOVERNMENT', 'VICE_PRESIDENT',
                        'DEPUTY_PRIME_MINISTER', 'MINISTER', 'DEPUTY_MINISTER', 'AMBASSADOR', 'OFFICIAL', 'OTHER')),
    head             text,
    sources          text[] not null default '{}',
    primary key (meeting_id, participant_code)
);
