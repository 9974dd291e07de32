-- Operators of the admin dashboard: separate from citizens, never self-registered (created by the
-- --gateway.create-operator command), password plus TOTP.
create table operators (
    id             uuid primary key,
    email          text        not null unique,
    password_hash  text        not null,          -- Argon2id, PHC string
    totp_secret    text        not null,          -- Base32, RFC 6238 (HMAC-SHA1, 30 s, 6 digits)
    role           text        not null default 'ADMIN' check (role in ('ADMIN')),
    last_totp_step bigint      not null default 0, -- a code is accepted once: replays are refused
    created_at     timestamptz not null
);
