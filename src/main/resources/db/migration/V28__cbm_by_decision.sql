-- Plans are approved, and Catalogue editions adopted, by a decision of a body (the effects APPROVE_PLAN and
-- ADOPT_CATALOGUE_EDITION): each keeps the decision's id and register symbol. approval_decision exists since V15.
alter table implementation_plan add column approval_register varchar(40);
alter table implementation_plan add constraint approval_register_has_decision
    check (approval_register is null or approval_decision is not null);

-- An edition is proposed by the Secretariat (its whole content) before a decision adopts it; until then it is not in
-- force and nothing is committed against it. Reference editions are adopted as they always were.
alter table catalogue_edition
    add column status            varchar(10) not null default 'ADOPTED' check (status in ('PROPOSED', 'ADOPTED')),
    add column proposed_at       timestamptz,
    add column proposed_by       varchar(254),
    add column decision_id       bigint references decision (id),
    add column decision_register varchar(40),
    alter column adopted_on drop not null,
    alter column precision drop not null,
    alter column adopted_by drop not null,
    add constraint adopted_is_dated check ((status = 'ADOPTED') = (adopted_on is not null and precision is not null and adopted_by is not null)),
    add constraint proposed_is_undecided check (status = 'ADOPTED' or (decision_id is null and meeting_id is null)),
    add constraint register_has_decision check (decision_register is null or decision_id is not null);

-- An edition's content never changes, proposed or adopted. Two writes are let through, each once: the adoption of a
-- proposed edition by a decision (status, date, body, meeting, decision), and the link of an edition adopted before
-- Kurultai recorded decisions to the decision that adopted it (decision only). Nothing is ever deleted.
create or replace function catalogue_editions_are_immutable() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' then
        if new.code = old.code and new.title = old.title and new.content = old.content and new.sources = old.sources
           and new.note is not distinct from old.note and new.document_id is not distinct from old.document_id
           and new.proposed_at is not distinct from old.proposed_at and new.proposed_by is not distinct from old.proposed_by
           and old.decision_id is null and new.decision_id is not null then
            if old.status = 'PROPOSED' and new.status = 'ADOPTED' then
                return new;
            end if;
            if old.status = 'ADOPTED' and new.status = 'ADOPTED' and new.adopted_on = old.adopted_on
               and new.precision = old.precision and new.adopted_by = old.adopted_by
               and new.meeting_id is not distinct from old.meeting_id then
                return new;
            end if;
        end if;
    end if;
    raise exception 'an edition of the Catalogue never changes, once proposed or adopted; a change is a new edition' using errcode = 'P0001';
end $$;
