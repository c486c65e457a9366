package dev.anneal.db.trial;

import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The trial queue: every state change after a trial is created. PostgreSQL is the
 * coordination engine; each method is one statement, safe to call from any number of worker
 * threads and processes at once.
 *
 * <p>Writes by a lease holder are fenced by {@code lease_version}: when such a method returns
 * {@code false} (or {@link LeaseCheck#LOST}), the trial was requeued by the reaper, released,
 * or finished by someone else in the meantime. The caller must stop working on it and write
 * nothing more; this is an expected race, not an error.
 *
 * <p>All times come from the database clock ({@code now()}), so workers on machines with
 * skewed clocks still agree on heartbeat ages.
 */
@Repository
public class TrialQueue {

    /**
     * The leaderboard's sort key of a completed trial: its {@code :value} turned so that smaller
     * is better for the direction of job {@code j}. Every statement that completes a trial uses
     * it, so DL4J and external trials rank alike.
     */
    static final String RANK_KEY = "case when j.direction = 'MAXIMIZE' then -:value else :value end";

    private final JdbcClient jdbc;

    public TrialQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims up to {@code limit} queued trials of running DL4J jobs, oldest first. {@code SKIP
     * LOCKED} lets concurrent claimers pass each other's candidate rows instead of waiting, so
     * no trial is claimed twice and no claimer blocks. A trial claimed again after its worker
     * died, or was given back at shutdown, starts its learning curve afresh: the metrics an
     * earlier lease reported are deleted in the same statement, so a curve only ever holds the
     * epochs of the lease that holds the trial. Trials of external jobs are the client's to
     * evaluate and are never claimed, even if one were queued.
     */
    public List<ClaimedTrial> claim(String workerId, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return jdbc.sql("""
                with claimed as (
                    update trial t
                       set state = 'RUNNING', worker_id = :worker, attempt = t.attempt + 1,
                           lease_version = t.lease_version + 1, heartbeat_at = now(),
                           started_at = now(), stop_request = null
                     where t.id in (select q.id
                                      from trial q join job j on j.id = q.job_id
                                     where q.state = 'QUEUED' and j.state = 'RUNNING' and j.execution = 'DL4J'
                                     order by q.id
                                       for update of q skip locked
                                     limit :limit)
                 returning t.id, t.job_id, t.number, t.params::text as params, t.attempt, t.lease_version),
                wiped as (
                    delete from trial_metric m using claimed c where m.trial_id = c.id)
                select * from claimed order by id
                """)
                .param("worker", workerId)
                .param("limit", limit)
                .query((rs, row) -> new ClaimedTrial(
                        rs.getLong("job_id"),
                        rs.getInt("number"),
                        rs.getString("params"),
                        rs.getInt("attempt"),
                        new Lease(rs.getLong("id"), rs.getLong("lease_version"))))
                .list();
    }

    /** Proves the holder is alive and tells it whether to stop. */
    public LeaseCheck heartbeat(Lease lease) {
        return jdbc.sql("""
                update trial set heartbeat_at = now()
                 where id = :id and lease_version = :version and state = 'RUNNING'
                returning stop_request
                """)
                .param("id", lease.trialId())
                .param("version", lease.version())
                .query((rs, row) -> LeaseCheck.fromStopRequest(rs.getString(1)))
                .optional()
                .orElse(LeaseCheck.LOST);
    }

    /**
     * Records the metrics of one finished epoch (a JSON object of metric name to number), with
     * the lease that reported them, and counts as a heartbeat. Re-reporting an epoch replaces
     * its metrics.
     */
    public LeaseCheck reportEpoch(Lease lease, int epoch, String metricsJson) {
        return jdbc.sql("""
                with held as (
                    update trial set heartbeat_at = now(), epochs_trained = :epoch
                     where id = :id and lease_version = :version and state = 'RUNNING'
                    returning id, stop_request),
                recorded as (
                    insert into trial_metric (trial_id, epoch, metrics, lease_version)
                    select id, :epoch, cast(:metrics as jsonb), :version from held
                    on conflict (trial_id, epoch) do update
                        set metrics = excluded.metrics, lease_version = excluded.lease_version, recorded_at = now())
                select stop_request from held
                """)
                .param("id", lease.trialId())
                .param("version", lease.version())
                .param("epoch", epoch)
                .param("metrics", metricsJson)
                .query((rs, row) -> LeaseCheck.fromStopRequest(rs.getString(1)))
                .optional()
                .orElse(LeaseCheck.LOST);
    }

    /**
     * Finishes the trial as COMPLETED with its objective value. The rank key (the value turned
     * so that smaller is better) is derived here from the job's direction, in the same
     * statement, so the leaderboard never sees a completed trial without one.
     */
    public boolean complete(Lease lease, double value, int bestEpoch, String preprocessingJson) {
        return complete(lease, value, bestEpoch, preprocessingJson, null);
    }

    /**
     * As {@link #complete(Lease, double, int, String)}, with k-fold validation's per-fold values.
     *
     * @param foldValuesJson a JSON array of the objective per fold at {@code bestEpoch}, or {@code null}
     */
    public boolean complete(Lease lease, double value, int bestEpoch, String preprocessingJson, String foldValuesJson) {
        return complete(lease, value, bestEpoch, preprocessingJson, foldValuesJson, null);
    }

    /** As above, with the kept network's cost ({@code costJson}, a JSON object, or {@code null}). */
    public boolean complete(
            Lease lease,
            double value,
            int bestEpoch,
            String preprocessingJson,
            String foldValuesJson,
            String costJson) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("objective value must be finite, but was " + value);
        }
        return jdbc.sql("""
                update trial t
                   set state = 'COMPLETED', value = :value, best_epoch = :bestEpoch, rank_key = %s,
                       preprocessing = cast(:preprocessing as jsonb), fold_values = cast(:folds as jsonb),
                       cost = cast(:cost as jsonb), finished_at = now()
                  from job j
                 where j.id = t.job_id and t.id = :id and t.lease_version = :version and t.state = 'RUNNING'
                """.formatted(RANK_KEY))
                        .param("id", lease.trialId())
                        .param("version", lease.version())
                        .param("value", value)
                        .param("bestEpoch", bestEpoch)
                        .param("preprocessing", preprocessingJson)
                        .param("folds", foldValuesJson)
                        .param("cost", costJson)
                        .update()
                == 1;
    }

    /**
     * As {@link #complete(Lease, double, int, String, String)} for a job with several objectives
     * or with constraints: every objective's value ({@code value} is the first) and every
     * constraint's; the trial ranks last until {@link ParetoRanks#refresh} places it.
     */
    public boolean complete(
            Lease lease,
            List<Double> objectives,
            List<Double> constraints,
            int bestEpoch,
            String preprocessingJson,
            String foldValuesJson,
            String costJson) {
        JdbcClient.StatementSpec statement = jdbc.sql("""
                update trial t
                   set %s, best_epoch = :bestEpoch,
                       preprocessing = cast(:preprocessing as jsonb), fold_values = cast(:folds as jsonb),
                       cost = cast(:cost as jsonb), finished_at = now()
                 where t.id = :id and t.lease_version = :version and t.state = 'RUNNING'
                """.formatted(TradeOffColumns.SET));
        return TradeOffColumns.bind(statement, objectives, constraints)
                        .param("id", lease.trialId())
                        .param("version", lease.version())
                        .param("bestEpoch", bestEpoch)
                        .param("preprocessing", preprocessingJson)
                        .param("folds", foldValuesJson)
                        .param("cost", costJson)
                        .update()
                == 1;
    }

    /** Finishes the trial as FAILED; {@code reason} is shown to users as is. */
    public boolean fail(Lease lease, String reason) {
        return jdbc.sql("""
                update trial set state = 'FAILED', failure_reason = :reason, finished_at = now()
                 where id = :id and lease_version = :version and state = 'RUNNING'
                """)
                        .param("id", lease.trialId())
                        .param("version", lease.version())
                        .param("reason", reason)
                        .update()
                == 1;
    }

    /**
     * Ends a running trial PRUNED, as its job's pruner decided after {@code epoch}: its value is
     * that epoch's intermediate value (ranked after every completed trial), and {@code reason}
     * is kept on the trial and on the epoch's metrics. One statement, fenced by the lease.
     */
    public boolean prune(Lease lease, int epoch, double value, String reason) {
        return jdbc.sql(PRUNE_SQL.formatted("t.id = :id and t.lease_version = :version"))
                        .param("id", lease.trialId())
                        .param("version", lease.version())
                        .param("epoch", epoch)
                        .param("value", value)
                        .param("reason", reason)
                        .query(Long.class)
                        .single()
                == 1;
    }

    /**
     * Ends the running trial matched by the {@code %s} condition (on {@code trial t} and {@code
     * job j}) PRUNED at {@code :epoch} with {@code :value} and {@code :reason}; selects how many
     * trials it ended (0 or 1). Shared with external trials, whose fence is their deadline.
     */
    static final String PRUNE_SQL = """
            with pruned as (
                update trial t
                   set state = 'PRUNED', value = :value, best_epoch = :epoch, rank_key = %1$s,
                       prune_reason = :reason, finished_at = now()
                  from job j
                 where j.id = t.job_id and t.state = 'RUNNING' and %%s
                returning t.id),
            noted as (
                update trial_metric m set pruning = :reason from pruned p where m.trial_id = p.id and m.epoch = :epoch)
            select count(*) from pruned
            """.formatted(RANK_KEY);

    /**
     * Records the pruner's judgement at {@code epoch} of a trial it let go on ("asha rung 0
     * (epoch 1): ... promoted"), so every decision can be read back with the curve.
     */
    public boolean notePruning(Lease lease, int epoch, String reason) {
        return jdbc.sql("""
                update trial_metric m set pruning = :reason
                  from trial t
                 where t.id = m.trial_id and m.epoch = :epoch
                   and t.id = :id and t.lease_version = :version and t.state = 'RUNNING'
                """)
                        .param("id", lease.trialId())
                        .param("version", lease.version())
                        .param("epoch", epoch)
                        .param("reason", reason)
                        .update()
                == 1;
    }

    /** Finishes a trial that was asked to stop: PRUNED if a pruner asked, else CANCELLED. */
    public boolean finishStopped(Lease lease) {
        return jdbc.sql("""
                update trial
                   set state = case when stop_request = 'PRUNE' then 'PRUNED' else 'CANCELLED' end,
                       finished_at = now()
                 where id = :id and lease_version = :version and state = 'RUNNING' and stop_request is not null
                """)
                        .param("id", lease.trialId())
                        .param("version", lease.version())
                        .update()
                == 1;
    }

    /**
     * Gives a claimed trial back to the queue without counting the attempt, for a worker that
     * shuts down gracefully before the trial finished.
     */
    public boolean release(Lease lease) {
        return jdbc.sql("""
                update trial
                   set state = 'QUEUED', attempt = attempt - 1, lease_version = lease_version + 1,
                       worker_id = null, heartbeat_at = null, started_at = null, epochs_trained = 0
                 where id = :id and lease_version = :version and state = 'RUNNING'
                """)
                        .param("id", lease.trialId())
                        .param("version", lease.version())
                        .update()
                == 1;
    }

    /**
     * Takes back running trials whose last heartbeat is older than {@code deadAfter}: their
     * worker died, hung or lost the database. Each goes back to the queue while it has
     * attempts left, else fails; a trial of a cancelled job is cancelled instead. Bumping the
     * lease version fences out the old holder should it come back. External trials have no
     * worker and are left alone: they expire instead ({@link ExternalTrials#expire}).
     */
    public List<ReapedTrial> reap(Duration deadAfter, int maxAttempts) {
        return jdbc.sql("""
                with stale as (
                    select t.id, t.worker_id, t.heartbeat_at
                      from trial t join job sj on sj.id = t.job_id
                     where t.state = 'RUNNING' and t.heartbeat_at < now() - :deadAfterMs * interval '1 millisecond'
                       and sj.execution = 'DL4J'
                       for update of t skip locked)
                update trial t
                   set state = case when j.state = 'CANCELLED' then 'CANCELLED'
                                    when t.attempt < :maxAttempts then 'QUEUED'
                                    else 'FAILED' end,
                       failure_reason = case when j.state <> 'CANCELLED' and t.attempt >= :maxAttempts
                                             then 'worker lost: no heartbeat from ' || s.worker_id || ' since '
                                                  || to_char(s.heartbeat_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
                                                  || ' (attempt ' || t.attempt || ' of ' || :maxAttempts || ')' end,
                       finished_at = case when j.state = 'CANCELLED' or t.attempt >= :maxAttempts then now() end,
                       started_at = case when j.state = 'CANCELLED' or t.attempt >= :maxAttempts then t.started_at end,
                       lease_version = t.lease_version + 1, worker_id = null, heartbeat_at = null,
                       epochs_trained = case when j.state = 'CANCELLED' or t.attempt >= :maxAttempts then t.epochs_trained else 0 end
                  from stale s, job j
                 where t.id = s.id and j.id = t.job_id
                returning t.id, t.job_id, t.number, t.state, s.worker_id
                """)
                .param("deadAfterMs", deadAfter.toMillis())
                .param("maxAttempts", maxAttempts)
                .query((rs, row) -> new ReapedTrial(
                        rs.getLong("id"),
                        rs.getLong("job_id"),
                        rs.getInt("number"),
                        TrialState.valueOf(rs.getString("state")),
                        rs.getString("worker_id")))
                .list();
    }

    /**
     * Cancels a job's trials: queued ones and running external ones at once (a client that
     * tells later gets a conflict), running DL4J ones by asking their workers to stop (they see
     * it on their next heartbeat or epoch report).
     *
     * @return the number of running trials asked to stop
     */
    public int cancelJobTrials(long jobId) {
        jdbc.sql("""
                update trial t set state = 'CANCELLED', finished_at = now()
                  from job j
                 where j.id = t.job_id and t.job_id = :job
                   and (t.state = 'QUEUED' or (t.state = 'RUNNING' and j.execution = 'EXTERNAL'))
                """).param("job", jobId).update();
        return jdbc.sql("update trial set stop_request = 'CANCEL' where job_id = :job and state = 'RUNNING'")
                .param("job", jobId)
                .update();
    }

    /** Queued trials across all jobs, for the queue-depth gauge. */
    public long countQueued() {
        return jdbc.sql("select count(*) from trial where state = 'QUEUED'")
                .query(Long.class)
                .single();
    }
}
