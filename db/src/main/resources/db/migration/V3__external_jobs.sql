-- External jobs: the client evaluates each trial and reports it over HTTP (ask/tell), instead
-- of Anneal's DL4J workers training it. Their trials are inserted RUNNING by an ask, never
-- QUEUED, and are never claimed, heartbeated or reaped by workers.
alter table job
    add column execution text not null default 'DL4J' check (execution in ('DL4J', 'EXTERNAL'));

-- client_id: who asked (optional, chosen by the client), so a restarted client gets its trial back.
-- expires_at: an asked trial not told by then counts as FAILED; each ask and report pushes it out.
-- Both stay null for DL4J trials, whose liveness is the worker's heartbeat.
alter table trial
    add column client_id  text check (length(client_id) between 1 and 200),
    add column expires_at timestamptz;

-- A client holds at most one running trial per job: that is what a resuming ask finds.
create unique index trial_running_client_idx on trial (job_id, client_id)
    where state = 'RUNNING' and client_id is not null;
-- The expiry sweep: running external trials by deadline, as small as the number in flight.
create index trial_running_expiry_idx on trial (expires_at)
    where state = 'RUNNING' and expires_at is not null;

-- For external jobs a curve row is one reported intermediate value: epoch holds the client's
-- step (from 0) and metrics holds the objective's metric name. DL4J epochs still count from 1.
alter table trial_metric drop constraint trial_metric_epoch_check;
alter table trial_metric add constraint trial_metric_epoch_check check (epoch >= 0);
