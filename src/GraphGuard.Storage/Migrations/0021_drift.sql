-- Drift (issue 15): each run keeps the distribution of every model input and of its scores (deciles and their
-- shares), and measures its population stability index against a reference run's, with cluster and label drift.
create table drift_profiles (
    run_id      bigint not null references pipeline_runs on delete cascade,
    variable    text not null,                          -- a feature's name, or 'score'
    edges       double precision[] not null,            -- the run's own decile cut points
    proportions double precision[] not null,            -- shares per bin, then missing values
    rows        integer not null,
    primary key (run_id, variable)
);

create table drift_runs (
    run_id                 bigint primary key references pipeline_runs on delete cascade,
    reference_run_id       bigint,                      -- null on a pipeline's first run: nothing to compare with
    reference_rows         integer,
    clusters               integer not null,
    mean_cluster_size      double precision not null,
    reference_clusters     integer,
    reference_mean_cluster_size double precision,
    labels_since_reference integer not null,            -- analysts' labels that arrived after the reference run started
    queue_items            integer not null,            -- the previous run's review queue ...
    queue_decided          integer not null             -- ... and how much of it analysts decided so far
);

create table drift_measures (
    run_id   bigint not null references drift_runs on delete cascade,
    variable text not null,
    psi      double precision not null,
    level    text not null check (level in ('stable', 'moderate', 'shift', 'unknown')),
    primary key (run_id, variable)
);
