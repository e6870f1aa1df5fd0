-- Quartz.NET's job store (docs/pipeline.md, "Scheduling"): the tables AdoJobStore with PostgreSQLDelegate
-- reads and writes, so `graphguard worker` processes on this database share jobs, triggers and firings as
-- one cluster. The columns follow what Quartz 4.7 validates at start; the scheduler itself is told never to
-- create or change them (schema provisioning "validate"). Times are .NET ticks (bigint), as Quartz keeps them.
-- Quartz's optional execution-history tables are left out: pipeline_runs/stage_runs are our history.
-- One schedule name (quartz.scheduler.instanceName) per deployment; sched_name keys every row by it.

-- Jobs: one per pipeline definition (jobs/<name>.json). job_data is the string map (useProperties).
create table qrtz_job_details (
    sched_name        text not null,
    job_name          text not null,
    job_group         text not null,
    description       text,
    job_class_name    text not null,
    is_durable        boolean not null,
    is_nonconcurrent  boolean not null,
    is_update_data    boolean not null,
    requests_recovery boolean not null,
    job_data          bytea,
    primary key (sched_name, job_name, job_group)
);

-- Triggers of every kind share this row; the kind's own fields live in the qrtz_*_triggers tables below.
create table qrtz_triggers (
    sched_name              text not null,
    trigger_name            text not null,
    trigger_group           text not null,
    job_name                text not null,
    job_group               text not null,
    description             text,
    next_fire_time          bigint,
    prev_fire_time          bigint,
    priority                integer,
    trigger_state           text not null,
    trigger_type            text not null,
    start_time              bigint not null,
    end_time                bigint,
    calendar_name           text,
    misfire_instr           smallint,
    misfire_orig_fire_time  bigint,
    execution_group         varchar(200),
    preferred_node          varchar(200),
    preferred_node_auto     boolean not null default false,
    retry_policy            varchar(250),
    retry_attempt           integer,
    continues_trigger_name  text,             -- a continuation waits for this trigger's firing to end
    continues_trigger_group text,
    continuation_condition  integer,
    overlap_policy          integer,
    pause_reason            varchar(250),
    paused_by               varchar(200),
    paused_at               bigint,
    misfire_threshold       bigint,
    fixed_delay             boolean,
    job_data                bytea,
    primary key (sched_name, trigger_name, trigger_group),
    foreign key (sched_name, job_name, job_group) references qrtz_job_details (sched_name, job_name, job_group)
);

create table qrtz_simple_triggers (
    sched_name      text not null,
    trigger_name    text not null,
    trigger_group   text not null,
    repeat_count    bigint not null,
    repeat_interval bigint not null,
    times_triggered bigint not null,
    primary key (sched_name, trigger_name, trigger_group),
    foreign key (sched_name, trigger_name, trigger_group)
        references qrtz_triggers (sched_name, trigger_name, trigger_group) on delete cascade
);

create table qrtz_cron_triggers (
    sched_name      text not null,
    trigger_name    text not null,
    trigger_group   text not null,
    cron_expression text not null,
    time_zone_id    text,
    primary key (sched_name, trigger_name, trigger_group),
    foreign key (sched_name, trigger_name, trigger_group)
        references qrtz_triggers (sched_name, trigger_name, trigger_group) on delete cascade
);

-- Calendar-interval and daily-time-interval triggers keep their settings in these generic slots.
create table qrtz_simprop_triggers (
    sched_name    text not null,
    trigger_name  text not null,
    trigger_group text not null,
    str_prop_1    text,
    str_prop_2    text,
    str_prop_3    text,
    int_prop_1    integer,
    int_prop_2    integer,
    long_prop_1   bigint,
    long_prop_2   bigint,
    dec_prop_1    numeric,
    dec_prop_2    numeric,
    bool_prop_1   boolean,
    bool_prop_2   boolean,
    time_zone_id  text,
    primary key (sched_name, trigger_name, trigger_group),
    foreign key (sched_name, trigger_name, trigger_group)
        references qrtz_triggers (sched_name, trigger_name, trigger_group) on delete cascade
);

create table qrtz_blob_triggers (
    sched_name    text not null,
    trigger_name  text not null,
    trigger_group text not null,
    blob_data     bytea,
    primary key (sched_name, trigger_name, trigger_group),
    foreign key (sched_name, trigger_name, trigger_group)
        references qrtz_triggers (sched_name, trigger_name, trigger_group) on delete cascade
);

create table qrtz_calendars (
    sched_name    text not null,
    calendar_name text not null,
    calendar      bytea not null,
    primary key (sched_name, calendar_name)
);

create table qrtz_paused_trigger_grps (
    sched_name    text not null,
    trigger_group text not null,
    pause_reason  varchar(250),
    paused_by     varchar(200),
    paused_at     bigint,
    primary key (sched_name, trigger_group)
);

-- Quartz 4 also remembers paused job groups (it validates this table at start).
create table qrtz_paused_job_grps (
    sched_name   text not null,
    job_group    text not null,
    pause_reason varchar(250),
    paused_by    varchar(200),
    paused_at    bigint,
    primary key (sched_name, job_group)
);

-- Firings in progress, by node: what cluster recovery re-fires when a node stops checking in.
create table qrtz_fired_triggers (
    sched_name               text not null,
    entry_id                 text not null,
    trigger_name             text not null,
    trigger_group            text not null,
    instance_name            text not null,
    fired_time               bigint not null,
    sched_time               bigint not null,
    priority                 integer not null,
    state                    text not null,
    job_name                 text,
    job_group                text,
    is_nonconcurrent         boolean not null,
    requests_recovery        boolean,
    execution_group          varchar(200),
    progress                 integer,
    progress_message         varchar(250),
    interrupt_requested_time bigint,
    primary key (sched_name, entry_id)
);

-- One row per live node (instanceId AUTO: host name and a timestamp), refreshed every check-in interval.
create table qrtz_scheduler_state (
    sched_name        text not null,
    instance_name     text not null,
    last_checkin_time bigint not null,
    checkin_interval  bigint not null,
    quartz_version    varchar(20),
    primary key (sched_name, instance_name)
);

-- Row locks (TRIGGER_ACCESS, STATE_ACCESS) that serialize the nodes' changes to the store.
create table qrtz_locks (
    sched_name text not null,
    lock_name  text not null,
    primary key (sched_name, lock_name)
);

-- The lookups Quartz 4 makes: jobs and triggers by group, triggers by job and calendar, the next
-- acquirable triggers in order, and a node's recoverable firings.
create index idx_qrtz_j_g_n on qrtz_job_details (sched_name, job_group, job_name);
create index idx_qrtz_t_j on qrtz_triggers (sched_name, job_name, job_group);
create index idx_qrtz_t_g_n on qrtz_triggers (sched_name, trigger_group, trigger_name);
create index idx_qrtz_t_c on qrtz_triggers (sched_name, calendar_name);
create index idx_qrtz_t_nft_st on qrtz_triggers (sched_name, trigger_state, next_fire_time, priority desc, misfire_instr);
create index idx_qrtz_ft_inst_job_req_rcvry on qrtz_fired_triggers (sched_name, instance_name, requests_recovery);
create index idx_qrtz_ft_j_g on qrtz_fired_triggers (sched_name, job_name, job_group);
create index idx_qrtz_ft_t_g on qrtz_fired_triggers (sched_name, trigger_name, trigger_group);
