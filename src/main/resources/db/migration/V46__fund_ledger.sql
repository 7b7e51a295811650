-- The CICA Fund's money (issue 15): contributors, exchange rates, pledges and a double-entry ledger of immutable entries.
--
-- Every movement is one fund_entry with at least two fund_line rows whose Fund-currency amounts (signed: debit > 0,
-- credit < 0) sum to zero. A deferred constraint trigger checks it at commit, so no writer can commit an unbalanced entry;
-- entries, lines, pledges and exchange rates are never changed or removed (triggers): a correction is a reversal entry
-- naming the entry it reverses (once: unique). Money is numeric(19,2), rates numeric(19,10); no floating point.
-- The projects' table (V47) is not referenced: a project is its id (bigint) here.

-- the one row every money movement that checks balances locks first (SELECT ... FOR UPDATE): writers take turns
create table fund_ledger_state (
    fund    smallint primary key check (fund = 1),
    entries bigint   not null default 0
);
insert into fund_ledger_state (fund) values (1);

create table fund_contributor (
    id               bigserial    primary key,
    kind             varchar(30)  not null check (kind in ('MEMBER', 'OBSERVER', 'PARTNER', 'NON_MEMBER', 'ORGANIZATION',
                                                           'FINANCIAL_INSTITUTION', 'LEGAL_ENTITY', 'INDIVIDUAL')),
    -- a participant of the registry (States and organizations) by its code; anyone else by name and country
    participant_code varchar(10)  unique references participant (code),
    name             varchar(200) check (name is null or length(trim(name)) > 0),
    country          char(2)      check (country is null or country ~ '^[A-Z]{2}$'),
    recorded_at      timestamptz  not null,
    recorded_by      varchar(254) not null,
    constraint contributor_named check ((participant_code is null) <> (name is null))
);
create unique index fund_contributor_name on fund_contributor (lower(name), coalesce(country, '')) where name is not null;

-- the Secretariat's exchange rates: how many units of the Fund's currency one unit of the currency was worth that day
create table fund_exchange_rate (
    currency    char(3)        not null check (currency ~ '^[A-Z]{3}$'),
    day         date           not null,
    rate        numeric(19,10) not null check (rate > 0),
    source      varchar(200)   not null check (length(trim(source)) > 0),
    recorded_at timestamptz    not null,
    recorded_by varchar(254)   not null,
    primary key (currency, day)
);

create table fund_pledge (
    id              bigserial     primary key,
    contributor_id  bigint        not null references fund_contributor (id),
    currency        char(3)       not null check (currency ~ '^[A-Z]{3}$'),
    amount          numeric(19,2) not null check (amount > 0),
    pledged_on      date          not null,
    earmark_project bigint,
    earmark_area    varchar(20),
    reference       varchar(200)  not null,
    constraint pledge_one_earmark check (earmark_project is null or earmark_area is null)
);

create table fund_entry (
    id             bigserial    primary key,
    kind           varchar(20)  not null check (kind in ('PLEDGE', 'RECEIPT', 'CONTRIBUTION', 'ALLOCATION', 'DISBURSEMENT', 'RETURN',
                                                         'BANK_CHARGE', 'EXCHANGE_DIFFERENCE', 'REVERSAL')),
    value_date     date         not null,
    -- the documents: the bank's advice, the note verbale, the decision's symbol, the tranche's payment order
    reference      varchar(200) not null check (length(trim(reference)) > 0),
    contributor_id bigint       references fund_contributor (id),
    pledge_id      bigint       references fund_pledge (id),
    project_id     bigint,
    tranche_id     bigint,
    decision_id    bigint,
    reverses       bigint       unique references fund_entry (id),
    recorded_at    timestamptz  not null,
    recorded_by    varchar(254) not null,
    constraint reversal_names_entry check ((kind = 'REVERSAL') = (reverses is not null))
);
-- a project is allocated once (the PRC's decision approving it)
create unique index fund_entry_allocation on fund_entry (project_id) where kind = 'ALLOCATION';
create index fund_entry_value_date on fund_entry (value_date);
create index fund_entry_contributor on fund_entry (contributor_id);

create table fund_line (
    id              bigserial      primary key,
    entry_id        bigint         not null references fund_entry (id),
    account         varchar(30)    not null check (account in ('CASH', 'PLEDGES_RECEIVABLE', 'UNALLOCATED_BALANCE', 'ALLOCATED_TO_PROJECTS',
                                                               'CONTRIBUTIONS', 'PROJECT_EXPENDITURE', 'BANK_CHARGES',
                                                               'EXCHANGE_DIFFERENCES')),
    -- in the Fund's currency: debit positive, credit negative
    amount          numeric(19,2)  not null,
    -- as the document says it: the currency, the amount (same sign) and the rate recorded (Fund currency per unit)
    currency        char(3)        not null check (currency ~ '^[A-Z]{3}$'),
    original_amount numeric(19,2)  not null,
    rate            numeric(19,10) not null check (rate > 0),
    contributor_id  bigint         references fund_contributor (id),
    pledge_id       bigint         references fund_pledge (id),
    project_id      bigint,
    -- cash and contributions earmarked for a project or a Catalogue priority area (null: general)
    earmark_project bigint,
    earmark_area    varchar(20),
    constraint line_not_empty check (amount <> 0 or original_amount <> 0),
    constraint line_same_sign check (sign(amount) * sign(original_amount) >= 0),
    constraint line_one_earmark check (earmark_project is null or earmark_area is null)
);
create index fund_line_entry on fund_line (entry_id);
create index fund_line_account on fund_line (account, project_id);
create index fund_line_pledge on fund_line (pledge_id) where pledge_id is not null;

-- an entry balances and has two lines at least: checked at commit, once all its lines are written
create function fund_entry_balances() returns trigger language plpgsql as $$
declare
    entry  bigint;
    total  numeric;
    lines  integer;
begin
    if TG_TABLE_NAME = 'fund_entry' then
        entry := new.id;
    else
        entry := new.entry_id;
    end if;
    select coalesce(sum(amount), 0), count(*) into total, lines from fund_line where entry_id = entry;
    if lines < 2 then
        raise exception 'fund entry % has % line(s): an entry has two at least', entry, lines using errcode = '23514';
    end if;
    if total <> 0 then
        raise exception 'fund entry % does not balance: its lines sum to %', entry, total using errcode = '23514';
    end if;
    return null;
end $$;
create constraint trigger fund_line_balanced after insert on fund_line deferrable initially deferred
    for each row execute function fund_entry_balances();
create constraint trigger fund_entry_balanced after insert on fund_entry deferrable initially deferred
    for each row execute function fund_entry_balances();

-- the books are kept as written
create function fund_books_kept() returns trigger language plpgsql as $$
begin
    raise exception 'the Fund''s books are kept as recorded (%): correct by a reversal entry', TG_TABLE_NAME using errcode = '42501';
end $$;
create trigger fund_entry_kept before update or delete on fund_entry for each row execute function fund_books_kept();
create trigger fund_line_kept before update or delete on fund_line for each row execute function fund_books_kept();
create trigger fund_pledge_kept before update or delete on fund_pledge for each row execute function fund_books_kept();
create trigger fund_exchange_rate_kept before update or delete on fund_exchange_rate for each row execute function fund_books_kept();
create trigger fund_entry_truncate before truncate on fund_entry for each statement execute function fund_books_kept();
create trigger fund_line_truncate before truncate on fund_line for each statement execute function fund_books_kept();

-- the public /fund page shows yearly totals: its cached pages move with the DECISIONS area (the Fund's money follows the
-- PRC's decisions; V36's public record areas), so a new entry is seen at once
do $$
declare
    tab text;
begin
    foreach tab in array array['fund_entry', 'fund_line'] loop
        execute format('create trigger %I after insert on %I referencing new table as changed for each statement '
                       'execute function data_version_bump(%L)', tab || '_version_i', tab, 'DECISIONS');
    end loop;
end $$;
