-- Pruning: a trial stopped by its job's pruner ends PRUNED with its last intermediate value,
-- and ranks on the leaderboard below every completed trial, by that value.

-- A pruned trial has a rank key when it reported a value (one stopped before its first report
-- has none); completed trials always have one, other states never.
alter table trial drop constraint trial_check;
alter table trial add constraint trial_rank_key_check check (
    case state when 'COMPLETED' then rank_key is not null
               when 'PRUNED' then true
               else rank_key is null end);

-- Why the pruner stopped the trial, e.g. "asha rung 2 (epoch 9): 0.81 below top-1/3 cutoff 0.86 of 12 trials".
alter table trial add column prune_reason text;

-- The pruner's judgement at each step where it made one (kept or stopped, and why).
alter table trial_metric add column pruning text;

-- Leaderboard: completed trials first, then pruned ones, each best first; one index range scan.
-- (trial_leaderboard_idx stays for the best completed trial of each job.)
create index trial_ranked_idx on trial (job_id, (state = 'PRUNED'), rank_key, finished_at, number)
    where rank_key is not null;
