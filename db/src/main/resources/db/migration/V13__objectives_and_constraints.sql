-- Jobs with several objectives or with constraints. A completed trial of such a job keeps every
-- objective's value (in the spec's order; value stays the first) and every constraint's value
-- (satisfied when <= 0). Their rank_key is not the value turned but the trial's place in a
-- non-dominated sort (feasible fronts first, then infeasible trials by total violation) plus a
-- crowding tie-break in [0, 1), recomputed for the whole job by ParetoRanks whenever one of its
-- trials completes: the leaderboard stays one index range scan on trial_leaderboard_idx.
alter table trial add column objective_values double precision[];
alter table trial add column constraint_values double precision[];
-- 0 = on the job's Pareto front (among feasible trials)
alter table trial add column pareto_rank integer;
