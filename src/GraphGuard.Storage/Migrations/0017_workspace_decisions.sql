-- The analyst workspace's decisions: escalate besides abusive and benign, what the analyst saw when deciding,
-- one batch per decision (a whole cluster is one batch), and undo.

alter table analyst_decisions drop constraint analyst_decisions_label_check;
-- escalate asks a second reviewer; it is not a training label, so it never reaches labels.
alter table analyst_decisions add constraint analyst_decisions_label_check check (label in ('abusive', 'benign', 'escalate'));

create sequence analyst_decision_batches;
-- Existing rows each become a batch of their own (a volatile default is evaluated per row).
alter table analyst_decisions add column batch_id bigint not null default nextval('analyst_decision_batches');
alter table analyst_decisions add column run_id bigint;                         -- the published run the analyst looked at
alter table analyst_decisions add column model_version text;                    -- the model that scored it
alter table analyst_decisions add column score real;                            -- the account's score shown at decision time
alter table analyst_decisions add column reasons_shown text[] not null default '{}';  -- the reasons shown at decision time
alter table analyst_decisions add column undone_at timestamptz;                 -- undo keeps the row and removes its label
alter table analyst_decisions add column undone_by text;
create index analyst_decisions_by_batch on analyst_decisions (batch_id);
create index analyst_decisions_by_cluster on analyst_decisions (cluster_id) where cluster_id is not null;
