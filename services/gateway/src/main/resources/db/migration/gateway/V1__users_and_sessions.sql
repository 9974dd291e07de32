create table users (
    id              uuid primary key,
    email           text        not null unique,   -- normalised: trimmed, lower-case
    given_name      text        not null,
    family_name     text        not null,
    password_hash   text        not null,          -- Argon2id, PHC string
    status          text        not null default 'ACTIVE' check (status in ('ACTIVE', 'LOCKED')),
    locked_until    timestamptz,                   -- null: locked until an operator unlocks
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);

-- The record of every session; the hot path is Redis. Tokens are stored only as SHA-256 hashes.
create table sessions (
    id              uuid primary key,
    user_id         uuid        not null references users (id),
    token_sha256    text        not null unique,
    created_at      timestamptz not null,
    expires_at      timestamptz not null,          -- absolute timeout
    ended_at        timestamptz,
    end_reason      text check (end_reason in ('SIGNED_OUT', 'ACCOUNT_LOCKED', 'REVOKED', 'EXPIRED')),
    client_ip       text
);
create index sessions_user_open on sessions (user_id) where ended_at is null;
