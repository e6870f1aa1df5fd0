-- Campaign identity across detection runs: a cluster that continues a cluster of the previous run (most of the
-- smaller one's members in common, GraphGuard.Core.Detection.CampaignMatching) keeps that cluster's campaign;
-- any other cluster starts a new one. A campaign remembers when it was first and last seen and its size then;
-- each cluster remembers the cluster it continues and how membership changed since (joined, left).
create table campaigns (
    campaign_id    bigserial primary key,
    first_seen_run integer references detection_runs on delete set null,
    first_seen     timestamptz not null,             -- detection_runs.created_at of the first run that found it
    first_size     integer not null,
    last_seen_run  integer references detection_runs on delete set null,
    last_seen      timestamptz not null
);

alter table clusters
    add column campaign_id bigint references campaigns on delete restrict,
    add column previous_cluster_id bigint references clusters on delete set null,
    add column previous_size integer,                -- null: the campaign is new in this run
    add column joined integer not null default 0,    -- members not in the previous run's cluster
    add column "left" integer not null default 0;    -- members of the previous run's cluster no longer in it

-- Clusters stored before campaigns existed each start a campaign of their own (same number as the cluster).
insert into campaigns (campaign_id, first_seen_run, first_seen, first_size, last_seen_run, last_seen)
select c.cluster_id, c.detection_run_id, d.created_at, c.size, c.detection_run_id, d.created_at
from clusters c join detection_runs d using (detection_run_id);
update clusters set campaign_id = cluster_id, joined = size;
select setval(pg_get_serial_sequence('campaigns', 'campaign_id'), greatest((select max(campaign_id) from campaigns), 1),
    (select max(campaign_id) from campaigns) is not null);

alter table clusters alter column campaign_id set not null;
create index clusters_by_campaign on clusters (campaign_id, detection_run_id);
