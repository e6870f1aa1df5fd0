-- Champion and challenger (issue 15): when a run retrains, its model (the challenger) is compared with the serving
-- model (the champion) on reviewed labels neither trained on; the run publishes the challenger's scores only if it
-- is not worse, else the champion's. One row per run that trained a model, with both models' measures and why.
create table model_releases (
    run_id               bigint primary key references pipeline_runs on delete cascade,
    challenger           text not null,                 -- the model the run trained
    champion             text,                          -- the published run's model; null when there was none
    released             boolean not null,              -- true: the run publishes the challenger's scores
    reason               text not null,
    labels               integer not null,              -- held-out reviewed labels compared on
    challenger_auprc     double precision,
    champion_auprc       double precision,
    challenger_precision double precision,              -- in the enforcement bands; null when it enforced on none
    champion_precision   double precision,
    tolerance            double precision not null,
    decided_at           timestamptz not null default now()
);
create index model_releases_by_challenger on model_releases (challenger);
