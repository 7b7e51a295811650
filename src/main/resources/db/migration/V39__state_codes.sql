-- A State's code is its three-letter ISO 3166-1 code, as the domain has always required (Participant): the database
-- now refuses any other too, so a row written around the application cannot break the pages that read it (issue 13's
-- benchmark found a five-letter State inserted by hand turning two reads into errors).
alter table participant add constraint participant_state_code check (kind <> 'STATE' or code ~ '^[A-Z]{3}$');
