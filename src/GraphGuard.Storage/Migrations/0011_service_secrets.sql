-- Secrets the service instances share, created on first use: today the key that signs change-feed cursors
-- (HMAC-SHA256), so a cursor one instance issued is honoured by every other and across restarts, and a
-- cursor nobody issued is refused.
create table service_secrets (
    name       text primary key,
    secret     bytea not null check (octet_length(secret) >= 32),
    created_at timestamptz not null default now()
);
