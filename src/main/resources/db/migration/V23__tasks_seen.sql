-- What each person has seen of each draft, for "what awaits me": the version and the number of amendments the
-- document page showed them the last time they opened it. A draft with a later version or more amendments than
-- seen (or never opened) awaits them. A person's own reading state, not a record of the forum: kept, never audited.
create table task_seen (
    account_id  uuid        not null references account (id),
    document_id varchar(60) not null references document (id),
    version     integer     not null check (version >= 0),
    amendments  integer     not null check (amendments >= 0),
    seen_at     timestamptz not null,
    primary key (account_id, document_id)
);
