-- Coordinated clusters, one set per detection run (a pipeline run, once pipelines exist). Evidence is
-- kept structured (kind, numbers, example entities) beside the sentence rendered from it, so the wording
-- can change without losing what was measured.

create table detection_runs (
    detection_run_id serial primary key,
    created_at       timestamptz not null default now(),
    window_from      timestamptz,
    window_to        timestamptz,
    feature_run_id   integer references feature_runs on delete set null,  -- the detectors' per-account features
    timings          jsonb not null default '{}'                            -- seconds per detector
);

create table clusters (
    cluster_id       bigserial primary key,
    detection_run_id integer not null references detection_runs on delete cascade,
    detectors        text[] not null,
    size             integer not null,
    core_size        integer not null,
    score            real not null check (score between 0 and 1),
    first_activity   timestamptz,
    last_activity    timestamptz
);
create index clusters_by_run_score on clusters (detection_run_id, score desc);

create table cluster_members (
    cluster_id bigint not null references clusters on delete cascade,
    account_id integer not null,                -- entities.id of kind account
    role       text not null check (role in ('core', 'periphery')),
    primary key (cluster_id, account_id)
);
create index cluster_members_by_account on cluster_members (account_id);

create table cluster_evidence (
    cluster_id bigint not null references clusters on delete cascade,
    ordinal    smallint not null,
    kind       text not null,                   -- GraphGuard.Core.Detection.EvidenceKind, snake_case
    numbers    jsonb not null,
    examples   text[] not null,                 -- example entities as "<kind>:<external id>"
    sentence   text not null,
    primary key (cluster_id, ordinal)
);
