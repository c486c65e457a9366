-- Every worker process (embedded in a server or standalone) registers itself here and renews
-- the row with each heartbeat round, so operators can see who is working. Liveness of trials
-- is still decided by the trials' own heartbeats; this table is for people and dashboards.
create table worker (
    id            text primary key,
    host          text not null,
    pid           bigint,
    slots         integer not null check (slots >= 0),
    busy_slots    integer not null default 0 check (busy_slots >= 0),
    trials_done   bigint not null default 0 check (trials_done >= 0),
    state         text not null default 'RUNNING' check (state in ('RUNNING', 'STOPPED')),
    started_at    timestamptz not null default now(),
    heartbeat_at  timestamptz not null default now(),
    stopped_at    timestamptz
);

create index worker_heartbeat_idx on worker (heartbeat_at);

-- POST /api/v1/jobs with an Idempotency-Key header: the first request creates the job, retries
-- with the same key and the same body get that job back, a different body is refused.
create table idempotency_key (
    key           text primary key check (length(key) between 1 and 255),
    request_hash  text not null,
    job_id        bigint not null references job (id) on delete cascade,
    created_at    timestamptz not null default now()
);
