-- The review queue (issue 15): what analysts should decide next after each run, and why each item is there.
-- Uncertain items lie near a band boundary (one representative per cluster, whose decision is meant for the
-- cluster); random items are a stratified draw per band whose decisions estimate each band's precision.
create table review_items (
    run_id     bigint not null references pipeline_runs on delete cascade,
    position   integer not null,                -- 1 is reviewed first
    account_id integer not null,                -- entities.id of the account to review
    cluster_id bigint,                          -- set when the decision is meant for the whole cluster
    kind       text not null check (kind in ('uncertain', 'random')),
    stratum    text not null,                   -- the band the account's score was in
    score      real not null,
    inclusion  double precision not null check (inclusion > 0 and inclusion <= 1),  -- chance the random draw picked it; 1 for uncertain items
    why        text not null,
    primary key (run_id, position)
);
create index review_items_by_account on review_items (account_id);
