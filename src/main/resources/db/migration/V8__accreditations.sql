-- Accreditation of people to a participant's delegation: proposed by its national coordinator,
-- accredited by the Secretariat, ended by either. Never deleted.
create table accreditation (
    id               uuid primary key,
    account_id       uuid        not null references account (id),
    participant_code varchar(10) not null references participant (code),
    proposed_by      uuid        not null references account (id),
    proposed_on      date        not null,
    accredited_by    uuid references account (id),
    accredited_on    date,
    ended_by         uuid references account (id),
    ended_on         date,
    check ((accredited_by is null) = (accredited_on is null)),
    check ((ended_by is null) = (ended_on is null)),
    check (accredited_on is null or accredited_on >= proposed_on),
    check (ended_on is null or ended_on >= proposed_on)
);

-- one open accreditation (proposed or accredited, not ended) per person and participant
create unique index accreditation_open on accreditation (account_id, participant_code) where ended_on is null;
create index accreditation_participant on accreditation (participant_code);
