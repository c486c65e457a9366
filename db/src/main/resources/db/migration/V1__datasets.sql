-- Dataset bytes are stored once per content hash (sha256 of the uncompressed CSV), so the
-- same file uploaded under two names, or as .csv and .csv.gz, costs one copy. Remote workers
-- fetch content by hash and may cache it.
create table dataset_content (
    sha256        text primary key check (sha256 ~ '^[0-9a-f]{64}$'),
    gzip_bytes    bytea not null,
    size_bytes    bigint not null check (size_bytes > 0),
    created_at    timestamptz not null default now()
);

create table dataset (
    id                bigserial primary key,
    name              text not null unique,
    content_sha256    text not null references dataset_content (sha256),
    original_filename text,
    row_count         integer not null check (row_count >= 0),
    column_count      integer not null check (column_count > 0),
    profile           jsonb not null,
    builtin           boolean not null default false,
    created_at        timestamptz not null default now()
);
