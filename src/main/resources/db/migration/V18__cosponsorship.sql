-- A State co-sponsors an amendment only by its own delegation's act: the proposer invites, the
-- invited State's delegation accepts (or declines). Until then the State is "invited", not a co-sponsor.
create table cosponsorship (
    amendment_id     bigint      not null references amendment (id),
    participant      varchar(10) not null references participant (code),
    status           varchar(10) not null check (status in ('INVITED', 'ACCEPTED', 'DECLINED')),
    invited_at       timestamptz not null,
    invited_by       varchar(254) not null,
    answered_at      timestamptz,
    answered_by      varchar(254),
    primary key (amendment_id, participant),
    check ((status = 'INVITED') = (answered_at is null)),
    check ((answered_at is null) = (answered_by is null))
);
create index cosponsorship_participant on cosponsorship (participant, status);

-- Co-sponsors named before this release were never asked: they become pending invitations, which
-- their delegations may accept while the amendment is still proposed.
insert into cosponsorship (amendment_id, participant, status, invited_at, invited_by)
select a.id, c.code, 'INVITED', a.proposed_at, a.proposed_by_account
from amendment a
cross join lateral (select distinct upper(trim(x)) as code from unnest(a.cosponsors) as x) c
where c.code <> a.proposed_by and exists (select 1 from participant p where p.code = c.code);

comment on column amendment.cosponsors is 'Unused since V18: co-sponsorships (invited, accepted, declined) are in cosponsorship.';
