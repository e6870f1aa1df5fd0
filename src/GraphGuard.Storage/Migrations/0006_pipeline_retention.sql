-- The pipeline's embeddings stage fits a GraphSAGE encoder that the train stage of the same run packages
-- into the model; it is kept per run in between, so each stage can run alone in a fresh process.
create table run_encoders (
    run_id  bigint not null references pipeline_runs on delete cascade,
    name    text not null,                      -- GraphGuard.Learning.Risk.RiskArtifact's embedding file names
    content bytea not null,
    primary key (run_id, name)
);

-- Retention deletes old runs, but a run once published stays referenced by its publications (and so by the
-- changes feed): its outputs are deleted and the row is marked pruned instead. A pruned run cannot be
-- published again.
alter table pipeline_runs add column pruned_at timestamptz;
