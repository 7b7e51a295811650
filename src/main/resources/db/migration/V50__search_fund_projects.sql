-- The CICA Fund's projects in the search (issue 15's public record made findable like the rest): a new kind of entry,
-- PROJECT, built by search.SearchIndex from fund_project and its current revision. No new data-version trigger is needed:
-- the project tables already bump the DECISIONS area (V47), the States' names the REGISTRY area and the Catalogue's
-- priority areas the CBM area (V36), the three areas the PROJECT entries are rebuilt on.
alter table search_entry drop constraint search_entry_kind_check;
alter table search_entry add constraint search_entry_kind_check
    check (kind in ('DOCUMENT', 'DECISION', 'MEETING', 'PARTICIPANT', 'BODY', 'EVENT', 'MEASURE', 'PROJECT'));
