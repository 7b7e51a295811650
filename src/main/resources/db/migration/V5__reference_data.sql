-- Which reference dataset was loaded, once, with the checksum of its files.
create table reference_dataset (
    name      varchar(40) primary key,
    checksum  varchar(64) not null,
    loaded_at timestamptz not null default now(),
    records   integer     not null
);
