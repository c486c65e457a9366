-- Models users can keep: each completed DL4J trial stores its trained network (a DL4J model
-- zip; for GANs the generator) and, for GANs, rows it generated. When a job finishes, only its
-- best trial's model is kept, so storage grows with jobs, not trials.
create table trial_model (
    trial_id   bigint primary key references trial (id) on delete cascade,
    format     text not null check (format in ('dl4j-network', 'dl4j-gan-generator')),
    model      bytea not null,
    samples    text,
    created_at timestamptz not null default now()
);

-- k-fold validation: the objective value of each fold at the trial's chosen epoch.
alter table trial add column fold_values jsonb;
