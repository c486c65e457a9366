-- Projects own jobs and datasets; API tokens belong to a project and see only its resources.
-- Everything that existed before projects belongs to the project "default" (id 1), which is
-- also what rows written without a project (older workers, scripts) get.
create table project (
    id          bigserial primary key,
    name        text not null unique check (name ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$'),
    created_at  timestamptz not null default now()
);

insert into project (id, name) values (1, 'default');
select setval('project_id_seq', 1);

-- Only the SHA-256 of a token is kept: tokens are 256 random bits, so a fast hash is enough
-- to make a stolen table useless, and lookups stay one index probe per request.
create table api_token (
    id           bigserial primary key,
    project_id   bigint not null references project (id),
    name         text not null check (length(name) between 1 and 100),
    token_hash   text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
    token_prefix text not null,
    admin        boolean not null default false,
    created_at   timestamptz not null default now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);

alter table job add column project_id bigint not null default 1 references project (id);
create index job_project_created_idx on job (project_id, created_at desc, id desc);

-- Free-form labels set at submission ("branch": "main"); CI finds its baseline by them.
alter table job add column tags jsonb not null default '{}'::jsonb;
create index job_tags_idx on job using gin (tags jsonb_path_ops);

-- Built-in sample datasets (project_id null) are shared by every project; uploads belong to
-- the uploader's project, and names are unique within it.
alter table dataset add column project_id bigint references project (id);
update dataset set project_id = 1 where not builtin;
alter table dataset drop constraint dataset_name_key;
create unique index dataset_project_name_idx on dataset (coalesce(project_id, 0), name);

-- An idempotency key is the client's own: two projects may use the same one.
alter table idempotency_key add column project_id bigint not null default 1 references project (id);
alter table idempotency_key drop constraint idempotency_key_pkey;
alter table idempotency_key add primary key (project_id, key);
