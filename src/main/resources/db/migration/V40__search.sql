-- Search (issue 14): one index of what the record says, in English and Russian, owned by the search module. Each entry is
-- one searchable piece of one record (a document's title or one of its paragraphs in one language, a decision, a meeting,
-- a participant's names in one language, a body's names and aliases, a timeline event, a measure of the Catalogue), with
-- the access the record carries, so that what a viewer may not see is filtered out in the where-clause, before ranking
-- and counting. The entries are derived data: rebuilt, kind by kind, from the records' own tables when the data version
-- of an area they come from moves (search_index_state); never a source of truth, and not covered by the data versions.
-- pg_trgm is a trusted extension: the owner of the database (who runs the migrations) may create it.
create extension if not exists pg_trgm;

create table search_entry (
    id           bigserial primary key,
    kind         varchar(12) not null check (kind in ('DOCUMENT', 'DECISION', 'MEETING', 'PARTICIPANT', 'BODY', 'EVENT', 'MEASURE')),
    record_id    text        not null,
    title        text        not null,
    url          text        not null,
    body         text        not null default '',
    language     varchar(2)  not null check (language in ('en', 'ru')),
    body_code    varchar(10),
    day          date,
    -- the record's access, as its own table has it (AccessPolicy decides what a viewer sees of it)
    access_level varchar(20) not null check (access_level in ('PUBLIC', 'PARTICIPANTS', 'MEMBERS', 'NAMED_PARTICIPANTS', 'SECRETARIAT')),
    access_named text[]      not null default '{}',
    access_owner varchar(10),
    owner_only   boolean     not null default false,
    -- names and titles that tolerate typos (participants' names and variants, bodies' names and aliases), lower case
    names        text,
    words        tsvector generated always as (
                     setweight(to_tsvector(case language when 'ru' then 'russian'::regconfig else 'english'::regconfig end, title), 'A')
                     || setweight(to_tsvector(case language when 'ru' then 'russian'::regconfig else 'english'::regconfig end,
                                              coalesce(names, '')), 'A')
                     || setweight(to_tsvector(case language when 'ru' then 'russian'::regconfig else 'english'::regconfig end, body), 'B')
                 ) stored,
    constraint search_entry_owner_only check (not owner_only or access_owner is not null)
);
create index search_entry_words on search_entry using gin (words);
create index search_entry_names on search_entry using gin (names gin_trgm_ops) where names is not null;
create index search_entry_kind on search_entry (kind);
create index search_entry_day on search_entry (day);

-- Up to which data version of each area each kind's entries were built.
create table search_index_state (
    kind     varchar(12) primary key,
    versions jsonb       not null,
    built_at timestamptz not null default now()
);
