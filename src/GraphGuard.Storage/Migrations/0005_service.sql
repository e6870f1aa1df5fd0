-- The scoring service: API keys and analysts' decisions.

-- A key is shown once, at creation, as gg_<prefix>_<secret>. Only the SHA-256 of the whole key is kept:
-- the secret is 32 random bytes, so a slow password hash would add latency without adding safety.
create table api_keys (
    key_id         serial primary key,
    name           text not null unique,
    prefix         text collate "C" not null unique,
    key_hash       bytea not null,
    scopes         text[] not null check (scopes <@ array['risk:read', 'clusters:read', 'labels:write', 'admin']),
    rate_per_second integer not null check (rate_per_second > 0),
    created_at     timestamptz not null default now(),
    revoked_at     timestamptz
);

-- An analyst's decision on an account, or on each member of a cluster. The label also goes into labels
-- (source 'analyst'), which training reads.
create table analyst_decisions (
    decision_id bigserial primary key,
    account_id  integer not null,               -- entities.id of kind account
    cluster_id  bigint,                         -- set when the decision was made on a whole cluster
    label       text not null check (label in ('abusive', 'benign')),
    note        text not null default '',
    author      text not null,                  -- the API key's name
    decided_at  timestamptz not null default now()
);
create index analyst_decisions_by_account on analyst_decisions (account_id);
