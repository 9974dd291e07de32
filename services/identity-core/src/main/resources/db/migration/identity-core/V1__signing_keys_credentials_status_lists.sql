-- Public metadata of the signing keys; private keys never leave their mounted files.
create table signing_keys (
    kid           text primary key,            -- RFC 7638 JWK thumbprint
    algorithm     text        not null,        -- ES256 or EdDSA
    public_jwk    text        not null,        -- public JWK, JSON
    status        text        not null check (status in ('AVAILABLE', 'ACTIVE', 'RETIRED')),
    created_at    timestamptz not null default now(),
    activated_at  timestamptz,
    retired_at    timestamptz,
    retain_until  timestamptz                  -- published until every credential it signed has expired
);
create unique index signing_keys_one_active on signing_keys (status) where status = 'ACTIVE';

-- Bitstring Status Lists: each has a fixed number of entries, handed out at random.
create table status_lists (
    id          bigint generated always as identity primary key,
    size        int         not null check (size >= 131072 and size % 8 = 0),
    purpose     text        not null default 'revocation',
    open        boolean     not null default true,
    created_at  timestamptz not null default now()
);

create table credentials (
    id               uuid primary key,
    subject_id       text        not null,
    kid              text        not null references signing_keys (kid),
    status_list_id   bigint      not null references status_lists (id),
    status_index     int         not null,
    issued_at        timestamptz not null,
    expires_at       timestamptz not null,
    token_sha256     text        not null,
    revoked_at       timestamptz,
    -- an index is allocated once and never handed out again: credential rows are never deleted
    unique (status_list_id, status_index)
);
create index credentials_subject on credentials (subject_id);
create index credentials_revoked on credentials (status_list_id) where revoked_at is not null;
create index credentials_kid_expiry on credentials (kid, expires_at);
