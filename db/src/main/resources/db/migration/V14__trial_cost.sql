-- What a DL4J trial's kept network costs, measured by its worker: {"parameters": n,
-- "model_bytes": n, "inference_ms": x, "train_seconds": x} (classification and regression jobs).
-- Shown with the trial and its leaderboard row; objectives and constraints may name these metrics.
alter table trial add column cost jsonb;
