-- A stand-in service schema: a business table and a table of consumer effects.
create table demo_changes (
    id   bigint generated always as identity primary key,
    note text not null
);
create table applied_effects (
    applied_order bigint generated always as identity primary key,
    event_id      text not null unique,
    event_key     text not null,
    seq           int  not null
);
