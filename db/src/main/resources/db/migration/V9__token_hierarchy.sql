-- A token remembers the token that made it, so that revoking a token revokes everything made
-- with it, transitively (one recursive query over this column). Bootstrap admin tokens, tokens
-- made with security off and tokens from before this version have no creator.
alter table api_token add column created_by bigint references api_token (id);
create index api_token_created_by_idx on api_token (created_by);

-- Optional end of validity, fixed at creation and never later than the creator's own.
alter table api_token add column expires_at timestamptz;
