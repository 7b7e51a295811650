-- Registry: participants, the founding documents they sign, and their dated statuses.
create table participant (
    code             varchar(10) primary key check (code ~ '^[A-Z]{2,10}$'),
    kind             varchar(12) not null check (kind in ('STATE', 'ORGANIZATION')),
    short_name_en    text        not null,
    short_name_ru    text,
    official_name_en text        not null,
    official_name_ru text
);

create table founding_document (
    code       varchar(40) primary key,
    title      text not null,
    adopted_on date not null,
    place      text,
    sources    text[] not null default '{}'
);

create table signature (
    participant_code varchar(10) not null references participant (code),
    document_code    varchar(40) not null references founding_document (code),
    signed_on        date        not null,
    inferred         boolean     not null default false,
    sources          text[]      not null default '{}',
    note             text,
    primary key (participant_code, document_code)
);

create table status_period (
    id               bigserial primary key,
    participant_code varchar(10) not null references participant (code),
    status           varchar(10) not null check (status in ('MEMBER', 'OBSERVER', 'PARTNER')),
    starts_on        date        not null,
    precision        varchar(10) not null check (precision in ('DAY', 'MONTH', 'YEAR', 'ATTESTED')),
    ends_on          date check (ends_on > starts_on),
    how              text        not null default '',
    admitted_at      text,
    ordinal          integer,
    sources          text[]      not null default '{}',
    note             text,
    unique (participant_code, starts_on)
);

create index status_period_days on status_period (starts_on, ends_on);

-- The domain refuses overlapping periods; the database holds the line too, for any writer.
-- (A trigger rather than an exclusion constraint, so that no extension such as btree_gist is needed.)
create function status_periods_must_not_overlap() returns trigger language plpgsql as $$
begin
    perform 1 from participant where code = new.participant_code for update;
    if exists (select 1 from status_period p
               where p.participant_code = new.participant_code
                 and p.id <> new.id
                 and daterange(p.starts_on, p.ends_on) && daterange(new.starts_on, new.ends_on)) then
        raise exception 'status periods of % overlap', new.participant_code using errcode = '23P01';
    end if;
    return new;
end $$;

create trigger status_period_no_overlap
    before insert or update on status_period
    for each row execute function status_periods_must_not_overlap();

-- Only States are members.
create function only_states_are_members() returns trigger language plpgsql as $$
begin
    if new.status = 'MEMBER' and (select kind from participant where code = new.participant_code) <> 'STATE' then
        raise exception '% is not a State and cannot be a member', new.participant_code using errcode = '23514';
    end if;
    return new;
end $$;

create trigger status_period_members_are_states
    before insert or update on status_period
    for each row execute function only_states_are_members();
