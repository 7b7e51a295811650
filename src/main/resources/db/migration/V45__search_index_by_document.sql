-- Search (issue 14, ADR 14): which documents' entries must be written again. Triggers mark a document in the writer's
-- transaction when the document or one of its versions changes; SearchIndex rewrites only the marked documents' entries
-- and takes their marks away in its own transaction. A change of the documents' area that touches no text (a position
-- on an alternative, an amendment, a co-sponsorship) rewrites no document; one document's revision rewrites that one.
create table search_dirty_document (
    document_id varchar(60) primary key
);

create function search_dirty_document_marked() returns trigger language plpgsql as $$
begin
    if TG_TABLE_NAME = 'document' then
        insert into search_dirty_document (document_id) select distinct id from changed on conflict do nothing;
    else
        insert into search_dirty_document (document_id) select distinct document_id from changed on conflict do nothing;
    end if;
    return null;
end $$;

create trigger document_search_i after insert on document referencing new table as changed
    for each statement execute function search_dirty_document_marked();
create trigger document_search_u after update on document referencing new table as changed
    for each statement execute function search_dirty_document_marked();
create trigger document_search_d after delete on document referencing old table as changed
    for each statement execute function search_dirty_document_marked();
create trigger document_version_search_i after insert on document_version referencing new table as changed
    for each statement execute function search_dirty_document_marked();
create trigger document_version_search_u after update on document_version referencing new table as changed
    for each statement execute function search_dirty_document_marked();
create trigger document_version_search_d after delete on document_version referencing old table as changed
    for each statement execute function search_dirty_document_marked();
