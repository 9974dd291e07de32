-- The compliance audit log: every audit event once, append-only, hash-chained.
create table audit_logs (
    id          bigserial primary key,
    event_id    text        not null unique,
    event_type  text        not null,
    subject     text        not null,
    occurred_at timestamptz not null,
    -- The event in canonical JSON (keys sorted): exactly what the hash covers.
    event       text        not null,
    prev_hash   char(64)    not null,
    hash        char(64)    not null,
    recorded_at timestamptz not null default now()
);
create index audit_logs_subject on audit_logs (subject, id);

-- The end of the chain, locked by each appending transaction so appends are serial and a
-- truncated tail is detectable.
create table audit_chain_head (
    id        int primary key check (id = 1),
    last_id   bigint   not null,
    last_hash char(64) not null
);
insert into audit_chain_head (id, last_id, last_hash) values (1, 0, repeat('0', 64));

create function audit_logs_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_logs is append-only';
end;
$$;
create trigger audit_logs_append_only before update or delete on audit_logs
    for each row execute function audit_logs_append_only();
create trigger audit_logs_no_truncate before truncate on audit_logs
    for each statement execute function audit_logs_append_only();

create table alerts (
    id              uuid primary key,
    subject         text        not null,
    rule            text        not null,
    severity        text        not null check (severity in ('HIGH', 'CRITICAL')),
    score           numeric(4, 3) not null,
    status          text        not null default 'OPEN' check (status in ('OPEN', 'ACKNOWLEDGED', 'RESOLVED')),
    event_id        text        not null,
    details         jsonb       not null,
    created_at      timestamptz not null,
    acknowledged_by text,
    acknowledged_at timestamptz,
    resolved_by     text,
    resolved_at     timestamptz,
    resolution      text
);
-- One unresolved alert per subject, rule and severity: a burst raises one alert, not hundreds.
create unique index alerts_one_open on alerts (subject, rule, severity) where status <> 'RESOLVED';
create index alerts_by_status on alerts (status, created_at desc);

-- The latest system-metrics snapshot of each service instance.
create table service_snapshots (
    service     text        not null,
    instance    text        not null,
    reported_at timestamptz not null,
    snapshot    jsonb       not null,
    primary key (service, instance)
);
