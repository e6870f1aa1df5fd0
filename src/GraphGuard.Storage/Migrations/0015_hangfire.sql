-- Scheduling moved from Quartz.NET to Hangfire (docs/pipeline.md, "Scheduling"). Hangfire keeps its own
-- tables in the schema `hangfire`, installed by its storage package; Quartz's tables go.
drop table if exists qrtz_fired_triggers, qrtz_paused_trigger_grps, qrtz_paused_job_grps, qrtz_scheduler_state,
    qrtz_locks, qrtz_simple_triggers, qrtz_cron_triggers, qrtz_simprop_triggers, qrtz_blob_triggers,
    qrtz_triggers, qrtz_job_details, qrtz_calendars;

-- A run's attempts and its next retry live here, not only in the scheduler: a retry is due when retry_at
-- has passed, and a worker that starts or polls resumes it even if the scheduler never stored its job.
alter table pipeline_runs add column attempts integer not null default 0;  -- attempts started so far
alter table pipeline_runs add column retry_wait interval;                 -- how long a failure of the current attempt waits (null: the last one)
alter table pipeline_runs add column retry_at timestamptz;                -- set with the failure itself: when its retry is due
alter table pipeline_runs add column hangfire_job_id text unique;         -- the firing that created the run (delivered at least once)
create index pipeline_runs_needing_a_worker on pipeline_runs (run_id) where status = 'running' or retry_at is not null;
