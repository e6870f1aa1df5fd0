-- The scheduled pipeline (docs/pipeline.md): runs, their stages' attempts, each stage's output keyed by the
-- run, and publication. A stage replaces only its own output for its run; deleting a run cascades to
-- everything it produced.

create table pipeline_runs (
    run_id        bigserial primary key,
    pipeline      text not null,                -- the job definition's name (jobs/<name>.json)
    trigger       text not null check (trigger in ('schedule', 'manual', 'foreground', 'retry')),
    parameters    jsonb not null default '{}',  -- the definition's parameters as this run read them
    window_from   timestamptz,                  -- fixed by the snapshot stage, so every stage sees the same data
    window_to     timestamptz,
    status        text not null check (status in ('running', 'succeeded', 'failed')),
    model_version text,                         -- the model the score stage used
    created_at    timestamptz not null default now(),
    finished_at   timestamptz,
    error         text
);

-- One row per attempt of a stage. A worker holds a session advisory lock on (run, stage) while it runs the
-- stage, so a row still 'running' whose lock is free belongs to a dead worker and is marked abandoned.
create table stage_runs (
    run_id      bigint not null references pipeline_runs on delete cascade,
    stage       text not null,
    attempt     integer not null,
    status      text not null check (status in ('running', 'succeeded', 'failed', 'skipped', 'abandoned')),
    worker      text not null,                  -- host/pid
    started_at  timestamptz not null default now(),
    finished_at timestamptz,
    rows        bigint,
    details     jsonb not null default '{}',
    error       text,
    primary key (run_id, stage, attempt)
);
create unique index stage_runs_one_running on stage_runs (run_id, stage) where status = 'running';

-- The feature and detection stages keep using their own tables, tagged with the run that made them.
alter table feature_runs add column pipeline_run_id bigint references pipeline_runs on delete cascade;
alter table feature_runs add column kind text;      -- 'graph' or 'detectors' within a pipeline run
alter table detection_runs add column pipeline_run_id bigint references pipeline_runs on delete cascade;
create index feature_runs_by_pipeline_run on feature_runs (pipeline_run_id);
create index detection_runs_by_pipeline_run on detection_runs (pipeline_run_id);

create table account_embeddings (
    run_id     bigint not null references pipeline_runs on delete cascade,
    account_id integer not null,                -- entities.id of kind account
    vals       real[] not null,
    primary key (run_id, account_id)
);

-- Trained risk models: the artifact's files (GraphGuard.Learning.Risk.RiskArtifact) kept in the database
-- so any worker can score with any model.
create table risk_models (
    model_version      text primary key,
    run_id             bigint references pipeline_runs on delete set null,
    created_at         timestamptz not null default now(),
    labels_fingerprint text not null,           -- what the training labels were; a change means retrain
    summary            jsonb not null default '{}'
);
create table risk_model_files (
    model_version text not null references risk_models on delete cascade,
    name          text not null,
    content       bytea not null,
    primary key (model_version, name)
);

create table risk_scores (
    run_id     bigint not null references pipeline_runs on delete cascade,
    account_id integer not null,                -- entities.id of kind account
    score      real not null check (score between 0 and 1),  -- calibrated probability
    margin     real not null,                   -- the booster's log-odds, for ranking
    band       text not null,
    reasons    text[] not null,                 -- top reasons, in words, strongest first
    primary key (run_id, account_id)
);

-- The published run is the latest publication. A rollback is a publication of an older run.
create table publications (
    publication_id bigserial primary key,
    run_id         bigint not null references pipeline_runs on delete restrict,
    kind           text not null check (kind in ('publish', 'rollback')),
    published_at   timestamptz not null default now(),
    note           text
);

-- Accounts whose band changed, written in the same transaction as their publication (which takes a lock
-- on publications first), so change ids rise in commit order: a cursor never skips a change.
create table band_changes (
    change_id      bigserial primary key,
    publication_id bigint not null references publications on delete cascade,
    account_id     integer not null,
    old_band       text,                        -- null: the account was not scored before
    new_band       text,                        -- null: the account is no longer scored
    score          real
);
create index band_changes_by_publication on band_changes (publication_id);
