/**
 * Names that more than one module speaks, and nothing else: the logging MDC keys
 * ({@link dev.anneal.db.shared.LogContext}), every Micrometer meter name
 * ({@link dev.anneal.db.shared.AnnealMetricNames}), and the in-process signals between the
 * scheduler and embedded workers ({@link dev.anneal.db.shared.WorkSignal},
 * {@link dev.anneal.db.shared.TrialFinishedEvent} with its {@link dev.anneal.db.shared.TrialOutcome}).
 *
 * <p>They live in the db module because it is the one module every other depends on, so the
 * api and cli can use them without importing the worker, which is for training. Nothing here
 * touches the database, and nothing belongs here that only one module uses: keep it small.
 */
package dev.anneal.db.shared;
