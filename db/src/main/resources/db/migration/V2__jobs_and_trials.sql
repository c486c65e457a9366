create table job (
    id                bigserial primary key,
    name              text not null,
    state             text not null check (state in ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED')),
    spec              jsonb not null,
    dataset_id        bigint references dataset (id),
    algorithm         text not null,
    objective_metric  text not null,
    direction         text not null check (direction in ('MINIMIZE', 'MAXIMIZE')),
    max_trials        integer not null check (max_trials > 0),
    parallelism       integer not null check (parallelism > 0),
    state_reason      text,
    created_at        timestamptz not null default now(),
    started_at        timestamptz,
    finished_at       timestamptz
);

-- The scheduler scans unfinished jobs; the list endpoint filters by state, newest first.
create index job_state_idx on job (state, id);

create table trial (
    id               bigserial primary key,
    job_id           bigint not null references job (id) on delete cascade,
    number           integer not null check (number >= 0),
    state            text not null check (state in ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'PRUNED', 'CANCELLED')),
    params           jsonb not null,
    -- objective value as reported (best or last epoch, per the job's objective)
    value            double precision,
    -- value turned so that smaller is better (value for minimize, -value for maximize);
    -- set only for COMPLETED trials, so the leaderboard is one index range scan
    rank_key         double precision,
    best_epoch       integer,
    epochs_trained   integer not null default 0,
    -- lease: attempt counts claims, lease_version fences every write by the holder
    attempt          integer not null default 0,
    lease_version    bigint not null default 0,
    worker_id        text,
    heartbeat_at     timestamptz,
    -- set by cancel (and later by pruners); the holder sees it on its next heartbeat or report
    stop_request     text check (stop_request in ('CANCEL', 'PRUNE')),
    failure_reason   text,
    preprocessing    jsonb,
    queued_at        timestamptz not null default now(),
    started_at       timestamptz,
    finished_at      timestamptz,
    unique (job_id, number),
    check ((state = 'COMPLETED') = (rank_key is not null))
);

-- Claim order: oldest queued trial first. Partial, so it stays as small as the queue.
create index trial_queued_idx on trial (id) where state = 'QUEUED';
-- Reaper: running trials by heartbeat age.
create index trial_running_heartbeat_idx on trial (heartbeat_at) where state = 'RUNNING';
-- Leaderboard: completed trials of a job, best first, ties by earlier finish.
create index trial_leaderboard_idx on trial (job_id, rank_key, finished_at, number) where state = 'COMPLETED';
create index trial_job_state_idx on trial (job_id, state);

-- One row per epoch trained: the learning curve. Values are a JSON object of metric name to
-- number (loss, val_loss, val_accuracy, val_rmse, ...), so new metrics need no migration.
create table trial_metric (
    trial_id     bigint not null references trial (id) on delete cascade,
    epoch        integer not null check (epoch >= 1),
    metrics      jsonb not null,
    recorded_at  timestamptz not null default now(),
    primary key (trial_id, epoch)
);
