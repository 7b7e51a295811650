-- A delegation withdraws its own amendment while it is proposed: the amendment stays on the record as WITHDRAWN,
-- and the invitations to co-sponsor it that were not answered end (LAPSED, with when and by whom the amendment
-- was withdrawn).
alter table amendment drop constraint amendment_status_check;
alter table amendment add constraint amendment_status_check
    check (status in ('PROPOSED', 'TAKEN_IN', 'OUTDATED', 'WITHDRAWN'));
alter table amendment add column withdrawn_at timestamptz, add column withdrawn_by varchar(254);
alter table amendment add constraint amendment_withdrawn_when
    check ((status = 'WITHDRAWN') = (withdrawn_at is not null) and (withdrawn_at is null) = (withdrawn_by is null));

alter table cosponsorship drop constraint cosponsorship_status_check;
alter table cosponsorship add constraint cosponsorship_status_check
    check (status in ('INVITED', 'ACCEPTED', 'DECLINED', 'LAPSED'));

-- One delegation proposes one amendment once against a version: the same kind, paragraph, alternative and text
-- while the first is still proposed is a duplicate. Amendments proposed twice before this rule keep their record,
-- the later ones marked as a copy of the first, and stay outside the rule.
alter table amendment add column duplicate_of bigint references amendment (id);
comment on column amendment.duplicate_of is
    'Set by V30 only: an amendment proposed before duplicates were refused that repeats an earlier one still proposed.';
update amendment a set duplicate_of = (
    select min(b.id) from amendment b
    where b.status = 'PROPOSED' and b.id < a.id and b.document_id = a.document_id and b.against_version = a.against_version
      and b.proposed_by = a.proposed_by and b.kind = a.kind and coalesce(b.paragraph, '') = coalesce(a.paragraph, '')
      and coalesce(b.alternative, '') = coalesce(a.alternative, '') and coalesce(b.text, '{}') = coalesce(a.text, '{}'))
where a.status = 'PROPOSED';
create unique index amendment_proposed_once on amendment
    (document_id, against_version, proposed_by, kind, coalesce(paragraph, ''), coalesce(alternative, ''),
     md5(coalesce(text, '{}'::jsonb)::text))
    where status = 'PROPOSED' and duplicate_of is null;
