-- Per-account graph features, one set per feature run (a pipeline run, once pipelines exist).
-- Stored as one float array per account beside the run's column names: the matrix the risk model
-- reads back in one binary COPY, instead of a row per (account, feature).

create table feature_runs (
    feature_run_id serial primary key,
    created_at     timestamptz not null default now(),
    window_from    timestamptz,
    window_to      timestamptz,
    names          text[] not null
);

create table account_features (
    feature_run_id integer not null references feature_runs on delete cascade,
    account_id     integer not null,              -- entities.id of kind account
    vals           real[] not null,               -- aligned with feature_runs.names; NaN = missing
    primary key (feature_run_id, account_id)
);
