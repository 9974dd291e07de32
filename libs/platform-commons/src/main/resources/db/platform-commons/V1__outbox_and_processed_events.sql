-- Tables platform-commons adds to the schema of every service that owns one. Versioned in their
-- own history table (platform_commons_schema_history), so they never collide with the service's
-- own migrations.

-- Transactional outbox: written in the same transaction as the change it announces, relayed to
-- Kafka in id order by OutboxRelay.
create table outbox_events (
    id          bigint generated always as identity primary key,
    event_id    text        not null unique,
    topic       text        not null,
    event_key   text        not null,
    event_type  text        not null,
    payload     bytea       not null,               -- structured CloudEvent, JSON
    headers     jsonb       not null default '{}',  -- W3C trace context captured at write time
    created_at  timestamptz not null default now(),
    sent_at     timestamptz
);
create index outbox_events_unsent on outbox_events (id) where sent_at is null;
create index outbox_events_sent_at on outbox_events (sent_at) where sent_at is not null;

-- Idempotent consumers: one row per (consumer, event id) processed, in the consumer's transaction.
create table processed_events (
    consumer     text        not null,
    event_id     text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
