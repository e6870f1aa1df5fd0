-- The interaction store for format v1 (docs/data-format.md) and the ingest ledger.
-- Every entity has a dense integer id (entities.id) that the graph snapshot uses as its node id;
-- the original string id is kept in entities.external_id. Tables refer to entities by that id.
-- No foreign keys on the bulk tables: ingest assigns ids itself, and checks would halve its speed.

create table entities (
    id          integer primary key,
    kind        smallint not null,              -- GraphGuard.Core.Domain.EntityKind
    external_id text collate "C" not null
);
-- Accounts and content are looked up by their string id (service, labels, analysts). Devices, IPs,
-- phones, ... are many and randomly keyed: an index on them would cost ingest about a third of its
-- speed, so their uniqueness rests on ingest alone — one writer at a time (advisory lock), resolving
-- every id against the whole dictionary — and tests check it.
create unique index entities_by_external_id on entities (kind, external_id) where kind in (1, 2);

create table actions (
    code smallint primary key,
    name text collate "C" not null unique
);
insert into actions (code, name) values
    (1, 'follow'), (2, 'like'), (3, 'comment'), (4, 'share'), (5, 'message'),
    (6, 'view'), (7, 'report'), (8, 'login'), (9, 'register'), (10, 'post');

create table accounts (
    account_id integer primary key,             -- entities.id of kind account
    created_at timestamptz not null,
    country    text,
    features   jsonb not null default '{}'      -- f_<name> columns, without the prefix
);

create table content (
    content_id integer primary key,             -- entities.id of kind content
    author_id  integer not null,                -- entities.id of kind account
    created_at timestamptz not null,
    text       text
);

-- Events are immutable facts: the first row with an event_id wins, later copies are skipped.
-- Fixed-width columns come first so the row packs without alignment padding (60 bytes, not 68).
create table events (
    ts        timestamptz not null,
    actor_id  integer not null,                 -- entities.id of kind account
    target_id integer not null,                 -- entities.id; its kind is the event's target_type
    action    smallint not null,                -- actions.code
    event_id  text collate "C" not null,
    -- fillfactor 100: ids mostly arrive in rising order, so leaf pages need no room for later inserts
    constraint events_pkey primary key (event_id) with (fillfactor = 100)
);

create table content_signals (
    content_id integer not null,
    signal     text collate "C" not null,
    model      text collate "C" not null,       -- '' when the file has no model
    score      real not null check (score between 0 and 1),
    ts         timestamptz,
    primary key (content_id, signal, model)
);

create table labels (
    account_id integer not null,
    label      text not null check (label in ('abusive', 'benign')),
    source     text not null,
    ts         timestamptz,
    unique nulls not distinct (account_id, label, source, ts)
);

create table ingest_runs (
    run_id      serial primary key,
    source      text not null,
    started_at  timestamptz not null default now(),
    finished_at timestamptz,
    status      text not null check (status in ('running', 'succeeded', 'failed', 'interrupted')),
    files       jsonb not null default '{}',    -- per file: read, loaded, unchanged, quarantined by reason
    rows_read   bigint not null default 0,
    rows_loaded bigint not null default 0,
    rows_unchanged bigint not null default 0,
    rows_quarantined bigint not null default 0,
    error       text
);

create table quarantine (
    quarantine_id  bigserial primary key,
    run_id         integer not null references ingest_runs,
    file           text not null,
    line           bigint not null,
    field          text,
    reason         text not null,
    detail         text not null,
    raw            bytea not null,               -- the row's exact bytes, invalid UTF-8 included
    quarantined_at timestamptz not null default now()
);
-- Re-ingesting a file must not quarantine the same row twice.
create unique index quarantine_once on quarantine (file, line, md5(raw));
create index quarantine_by_run on quarantine (run_id);
