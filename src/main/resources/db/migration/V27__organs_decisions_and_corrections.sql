-- Organs changed by decisions (issue 11): a body dissolved on a day, names and titles in Russian where a decision gives
-- them, the Secretariat's deputies beside its head, and the claims a correction superseded (kept, never deleted).

-- A dissolved body exists until the day of its dissolution (half-open); the decision that dissolved it, where one did.
alter table body
    drop constraint body_status_check,
    add constraint body_status_check check (status in ('ACTIVE', 'STATUS_UNKNOWN', 'PROPOSED', 'DISSOLVED')),
    add column dissolved_on date,
    add column dissolved_decision_id bigint,
    add column dissolved_decision_register varchar(40),
    add constraint dissolved_has_day check ((status = 'DISSOLVED') = (dissolved_on is not null)),
    add constraint dissolved_after_creation check (dissolved_on is null or created_on is null or dissolved_on > created_on);

-- The Russian name a decision gave a body or the head's office (the shipped names are translated by the message bundles).
alter table body_name add column name_ru text;
alter table secretariat_title add column title_ru text;

-- Offices of the Secretariat: its head (whatever the title: Executive Director, Secretary General) and the deputies.
-- Heads follow each other (one on a day); deputies serve side by side.
alter table secretariat_head
    add column office varchar(10) not null default 'HEAD' check (office in ('HEAD', 'DEPUTY')),
    drop constraint secretariat_head_valid_from_key;
create unique index secretariat_head_one_start on secretariat_head (valid_from) where office = 'HEAD';
create unique index secretariat_deputy_one_start on secretariat_head (person, valid_from) where office = 'DEPUTY';

-- A correction by the Secretariat supersedes an entry (a chair term, a body's name, a head of the Secretariat): the entry
-- as it stood is kept here with who superseded it, when, why and on which sources. Never updated, never deleted.
create table organ_superseded_claim (
    id                bigserial primary key,
    record            varchar(20) not null check (record in ('CHAIR_TERM', 'BODY_NAME', 'SECRETARIAT_HEAD')),
    body_code         varchar(10) references body (code),
    subject           text        not null,
    detail            text,
    valid_from        date,
    valid_until       date,
    claim_sources     text[]      not null default '{}',
    claim_note        text,
    decision_id       bigint,
    decision_register varchar(40),
    superseded_at     timestamptz not null,
    superseded_by     text        not null,
    reason            text        not null,
    sources           text[]      not null default '{}',
    check ((record = 'BODY_NAME') = (body_code is not null))
);
create index organ_superseded_claim_record on organ_superseded_claim (record, body_code);

create function organ_superseded_claim_kept() returns trigger language plpgsql as $$
begin
    raise exception 'a superseded claim is kept as it was: % refused', tg_op;
end $$;
create trigger organ_superseded_claim_kept before update or delete on organ_superseded_claim
    for each row execute function organ_superseded_claim_kept();
