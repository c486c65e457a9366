-- Which lease wrote each epoch's metrics (trial.lease_version when it was reported), so every
-- point of a curve can be traced to the run that produced it, and a worker whose lease was taken
-- from it (partitioned, stalled) would show should any of its writes ever get through.
-- Null for rows written before this version and for external trials (their clients hold no lease).
alter table trial_metric add column lease_version bigint;
