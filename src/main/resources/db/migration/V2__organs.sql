-- Organs: bodies with their dated names and members, the chairmanship, the Secretariat.
create table body (
    code              varchar(10) primary key,
    kind              varchar(16) not null check (kind in ('GOVERNING', 'WORKING', 'ADMINISTRATIVE', 'ADVISORY', 'FINANCIAL')),
    status            varchar(16) not null check (status in ('ACTIVE', 'STATUS_UNKNOWN', 'PROPOSED')),
    created_on        date,
    created_precision varchar(10) check (created_precision in ('DAY', 'MONTH', 'YEAR', 'ATTESTED')),
    created_how       text,
    reports_to        varchar(10) references body (code) deferrable initially deferred,
    frequency         text,
    purpose           text,
    sources           text[] not null default '{}'
);

create table body_name (
    body_code   varchar(10) not null references body (code),
    name        text        not null,
    short_name  text,
    valid_from  date,
    valid_until date,
    renamed_by  text,
    sources     text[]      not null default '{}',
    check (valid_until is null or valid_from is null or valid_until > valid_from),
    unique (body_code, valid_from)
);

create table body_member (
    id               bigserial primary key,
    body_code        varchar(10) not null references body (code),
    participant_code varchar(10) references participant (code),
    person           text,
    role             text not null,
    valid_from       date,
    valid_until      date,
    sources          text[] not null default '{}',
    check (participant_code is not null or person is not null)
);

create table body_claim (
    id        bigserial primary key,
    body_code varchar(10) not null references body (code),
    topic     text not null,
    value     text not null,
    sources   text[] not null default '{}',
    note      text
);

create table chair_term (
    id               bigserial primary key,
    chair            varchar(10) not null references participant (code),
    starts_on        date        not null unique,
    precision        varchar(10) not null check (precision in ('DAY', 'MONTH', 'YEAR', 'ATTESTED')),
    ends_on          date check (ends_on > starts_on),
    decided_on       date,
    decided_at       text,
    handover_at      text,
    handover_occasion text,
    sources          text[] not null default '{}',
    note             text
);

create table secretariat_seat (
    place      text not null,
    valid_from date not null unique,
    valid_until date,
    precision  varchar(10) not null,
    sources    text[] not null default '{}',
    note       text
);

create table secretariat_title (
    title       text not null,
    valid_from  date not null unique,
    valid_until date,
    renamed_by  text,
    sources     text[] not null default '{}'
);

create table secretariat_head (
    person      text not null,
    nationality varchar(10) references participant (code),
    valid_from  date not null unique,
    valid_until date,
    precision   varchar(10) not null,
    sources     text[] not null default '{}',
    note        text
);
