-- Negotiated documents: their immutable, numbered versions (draft, Rev.1, Rev.2 ...), amendments proposed by
-- delegations against a named version, and positions of States on bracketed alternatives.
create table document (
    id                varchar(60) primary key check (id ~ '^[A-Z0-9][A-Z0-9-]*$'),
    symbol            varchar(80) not null unique,
    type              varchar(20) not null check (type in ('DECLARATION', 'ACT', 'STATEMENT', 'DECISION', 'REGULATION',
                          'CATALOGUE', 'CONCEPT_PAPER', 'ACTION_PLAN', 'REPORT', 'NOTE_VERBALE', 'RESOLUTION')),
    title             text not null check (length(title) between 1 and 500),
    body_code         varchar(10) not null references body (code),
    meeting_id        varchar(40) references meeting (id),
    original_language varchar(8) not null,
    languages         text[] not null check (cardinality(languages) > 0),
    access_level      varchar(20) not null check (access_level in ('PUBLIC', 'PARTICIPANTS', 'MEMBERS', 'NAMED_PARTICIPANTS', 'SECRETARIAT')),
    access_named      text[] not null default '{}',
    status            varchar(20) not null check (status in ('DRAFT', 'RECOMMENDED', 'ADOPTED')),
    adopted_on        date,
    adopted_precision varchar(10) check (adopted_precision in ('DAY', 'MONTH', 'YEAR', 'ATTESTED')),
    tabled_by         varchar(10),
    sources           text[] not null default '{}',
    note              text,
    created_at        timestamptz not null default now(),
    constraint document_original_is_a_language check (original_language = any (languages)),
    constraint document_adopted_has_date check ((status = 'ADOPTED') = (adopted_on is not null)),
    constraint document_named_participants check ((access_level = 'NAMED_PARTICIPANTS') = (cardinality(access_named) > 0))
);
create index document_body on document (body_code);

-- Symbols are numbered per body and year.
create table document_symbol_counter (
    body_code varchar(10) not null,
    year      int not null,
    last      int not null,
    primary key (body_code, year)
);

create table document_version (
    document_id varchar(60) not null references document (id),
    number      int not null check (number >= 0),
    paragraphs  jsonb not null check (jsonb_typeof(paragraphs) = 'array'),
    based_on    int,
    taken_in    bigint[] not null default '{}',
    issued_at   timestamptz not null,
    issued_by   varchar(254) not null,
    primary key (document_id, number),
    constraint version_based_on_earlier check (based_on is null or based_on < number)
);

-- A version, once issued, is never changed: a change is a new revision.
create function document_versions_are_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'document versions are immutable; issue a new revision' using errcode = 'P0001';
end $$;
create trigger document_version_immutable before update or delete on document_version
    for each row execute function document_versions_are_immutable();
create trigger document_version_no_truncate before truncate on document_version
    for each statement execute function document_versions_are_immutable();

create table amendment (
    id              bigserial primary key,
    document_id     varchar(60) not null,
    against_version int not null,
    kind            varchar(20) not null check (kind in ('INSERT', 'REPLACE', 'DELETE', 'ALTERNATIVE', 'CHOOSE_ALTERNATIVE')),
    paragraph       varchar(20),
    alternative     varchar(20),
    text            jsonb,
    proposed_by     varchar(10) not null,
    cosponsors      text[] not null default '{}',
    proposed_by_account varchar(254) not null,
    proposed_at     timestamptz not null,
    explanation     text,
    status          varchar(20) not null check (status in ('PROPOSED', 'TAKEN_IN', 'OUTDATED')),
    taken_into      int,
    foreign key (document_id, against_version) references document_version (document_id, number)
);
create index amendment_document on amendment (document_id);

create table alternative_position (
    document_id varchar(60) not null references document (id),
    paragraph   varchar(20) not null,
    alternative varchar(20) not null,
    participant varchar(10) not null references participant (code),
    stance      varchar(10) not null check (stance in ('SUPPORTS', 'OPPOSES')),
    on_version  int not null,
    recorded_at timestamptz not null,
    primary key (document_id, paragraph, alternative, participant)
);

-- Decisions: a body takes a document's exact version at a meeting or under a silence procedure, by the forum's rule.
create table decision (
    id              bigserial primary key,
    body_code       varchar(10) not null references body (code),
    kind            varchar(20) not null check (kind in ('DECISION', 'RECOMMENDATION')),
    matter          varchar(20) not null check (matter in ('SUBSTANTIVE', 'PROCEDURAL')),
    rule            varchar(30) not null check (rule in ('CONSENSUS', 'CONSENSUS_MINUS_ONE', 'SIMPLE_MAJORITY')),
    concerned       varchar(10) references participant (code),
    document_id     varchar(60) not null references document (id),
    version         int not null,
    refers_to       bigint references decision (id),
    procedure       varchar(10) not null check (procedure in ('MEETING', 'SILENCE')),
    meeting_id      varchar(40) references meeting (id),
    present         text[] not null default '{}',
    proposed_at     timestamptz not null,
    proposed_by     varchar(254) not null,
    proposed_for    varchar(20) not null,
    deadline        timestamptz,
    time_zone       varchar(60),
    silence_seconds bigint,
    round           int not null default 1,
    status          varchar(20) not null check (status in ('OPEN', 'ADOPTED', 'NOT_ADOPTED', 'SILENCE_BROKEN', 'WITHDRAWN')),
    closed_at       timestamptz,
    outcome_note    text,
    register_year   int,
    register_number int,
    foreign key (document_id, version) references document_version (document_id, number),
    unique (body_code, register_year, register_number),
    constraint silence_has_deadline check ((procedure = 'SILENCE') = (deadline is not null and time_zone is not null)),
    constraint meeting_has_meeting check ((procedure = 'MEETING') = (meeting_id is not null)),
    constraint closed_has_time check ((status = 'OPEN') = (closed_at is null)),
    constraint adopted_has_number check ((status = 'ADOPTED') = (register_number is not null))
);
create index decision_due on decision (deadline) where status = 'OPEN' and procedure = 'SILENCE';
create index decision_document on decision (document_id);

create table decision_register_counter (
    body_code varchar(10) not null,
    year      int not null,
    last      int not null,
    primary key (body_code, year)
);

-- A member's objection (at a meeting) or written communication breaking silence; one per State per round.
create table objection (
    id          bigserial primary key,
    decision_id bigint not null references decision (id),
    round       int not null,
    participant varchar(10) not null references participant (code),
    account     varchar(254) not null,
    reasons     text not null check (length(reasons) between 1 and 20000),
    made_at     timestamptz not null,
    unique (decision_id, round, participant)
);

create table vote (
    decision_id bigint not null references decision (id),
    participant varchar(10) not null references participant (code),
    vote        varchar(10) not null check (vote in ('FOR', 'AGAINST', 'ABSTAIN')),
    account     varchar(254) not null,
    cast_at     timestamptz not null,
    primary key (decision_id, participant)
);

-- Reservations, interpretive statements and explanations of position: published with the decision, never blocking.
create table position_statement (
    id          bigserial primary key,
    decision_id bigint not null references decision (id),
    participant varchar(10) not null references participant (code),
    kind        varchar(30) not null check (kind in ('RESERVATION', 'INTERPRETIVE_STATEMENT', 'EXPLANATION_OF_POSITION')),
    paragraph   varchar(20),
    text        text not null check (length(text) between 1 and 20000),
    account     varchar(254) not null,
    filed_at    timestamptz not null
);
create index position_statement_decision on position_statement (decision_id);

-- One pending decision per document at a time.
create unique index decision_one_open_per_document on decision (document_id) where status = 'OPEN';
