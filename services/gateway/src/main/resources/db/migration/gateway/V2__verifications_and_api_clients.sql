-- Identity checks and their GPG 45-style outcome. The verified claims are kept to sign credentials.
create table verifications (
    id                      uuid primary key,
    user_id                 uuid        not null references users (id),
    status                  text        not null check (status in ('VERIFIED', 'FAILED')),
    confidence              text        not null check (confidence in ('P0', 'P1', 'P2')),
    strength_score          int         not null,
    validity_score          int         not null,
    verification_score      int         not null,
    activity_history_score  int         not null,
    identity_fraud_score    int         not null,
    given_name              text,
    family_name             text,
    birth_date              date,
    checks                  jsonb       not null,   -- [{check, passed, reasons}] without the documents' numbers
    created_at              timestamptz not null
);
create index verifications_user_latest on verifications (user_id, created_at desc);

-- Relying parties that may call POST /api/v1/verify. Keys are shown once and stored as SHA-256.
create table api_clients (
    id             text primary key,
    name           text        not null,
    secret_sha256  text        not null,
    disabled       boolean     not null default false,
    created_at     timestamptz not null
);
