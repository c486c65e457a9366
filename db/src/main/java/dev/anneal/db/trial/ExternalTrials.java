package dev.anneal.db.trial;

import dev.anneal.db.job.JobExecution;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The lifecycle of external jobs' trials, which clients evaluate over ask/tell: an ask inserts a
 * trial RUNNING (there is no queue and no worker), a tell finishes it, a report records an
 * intermediate value, and a trial that is neither told nor reported before its deadline
 * ({@code expires_at}) expires as FAILED.
 *
 * <p>Every write after the insert is fenced by {@code state = 'RUNNING'} and an unexpired
 * deadline, and by the job being external. When a method reports that nothing changed, the
 * trial does not exist, belongs to a DL4J job, is already finished (told, expired or cancelled)
 * or is past its deadline; the caller reads the trial to say which. Tell and expiry may race:
 * whichever statement locks the row first wins and the other changes nothing.
 *
 * <p>Deadlines use the database clock, like heartbeats.
 */
@Repository
public class ExternalTrials {

    private final JdbcClient jdbc;

    public ExternalTrials(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A running trial as its client sees it: its number and parameters (a JSON object). */
    public record AskedTrial(int number, String paramsJson) {}

    /**
     * A trial just told, as the tell left it, and whether every trial of its job had been
     * asked by then.
     */
    public record ToldTrial(TrialEntity trial, boolean allAsked) {}

    /**
     * What an ask finds under the job's lock: the running trial its client already holds, if
     * any, and else the number a new trial gets.
     */
    public record AskSlot(Optional<AskedTrial> held, int nextNumber) {}

    /**
     * What a refused tell or report ran into, read right after it.
     *
     * @param trialState null when the job has no such trial
     * @param failureReason why it failed, or why its pruner stopped it
     * @param pastDeadline whether a running trial's deadline has passed (it counts as FAILED
     *     and the reaper will mark it so)
     */
    public record Refusal(JobExecution execution, TrialState trialState, String failureReason, boolean pastDeadline) {}

    /** The failure reason of an expired trial. */
    public static String expiryReason(Duration timeout) {
        return "expired: not told within " + humanized(timeout) + " of its ask or last report";
    }

    /**
     * Inserts an asked trial, RUNNING at once with its first deadline. The caller holds the
     * job's row lock and took {@code number} from {@link #resumeOrNext}.
     */
    public void ask(long jobId, int number, String paramsJson, String clientId, Duration timeout) {
        jdbc.sql("""
                insert into trial (job_id, number, state, params, client_id, attempt, started_at, expires_at)
                values (:job, :number, 'RUNNING', cast(:params as jsonb), :client, 1, now(),
                        now() + :timeoutMs * interval '1 millisecond')
                """)
                .param("job", jobId)
                .param("number", number)
                .param("params", paramsJson)
                .param("client", clientId)
                .param("timeoutMs", timeout.toMillis())
                .update();
    }

    /**
     * Looks up, in one statement, the running trial {@code clientId} holds in the job (its
     * deadline pushed out by {@code timeout}, as a restarted client resumes it) and the number
     * the job's next trial would get. A trial of that client already past its deadline but not
     * yet swept is expired here instead, so the client gets a fresh trial and the
     * one-running-trial-per-client index holds. Without a client id only the number is read.
     *
     * <p>Trials are numbered densely from 0, so the number is one probe of the {@code (job_id,
     * number)} unique index. The caller must hold the job's row lock, as asks do: otherwise two
     * callers could get the same number. This must be a statement of its own after the lock is
     * taken, so that its snapshot sees every trial inserted by asks that held the lock before.
     *
     * <p>It also lets the calling transaction commit without waiting for the disk ({@code
     * synchronous_commit} off for this transaction only): asks of a job queue on its lock, and
     * a flush inside the lock would cap them at one per disk flush. The caller must call {@link
     * #startDeadline} after the commit and before answering, which makes the ask durable.
     */
    public AskSlot resumeOrNext(long jobId, String clientId, Duration timeout) {
        return jdbc.sql("""
                with expired as (
                    update trial set state = 'FAILED', failure_reason = :reason, finished_at = now()
                     where job_id = :job and client_id = :client and state = 'RUNNING' and expires_at <= now()),
                resumed as (
                    update trial set expires_at = now() + :timeoutMs * interval '1 millisecond'
                     where job_id = :job and client_id = :client and state = 'RUNNING' and expires_at > now()
                    returning number, params::text as params)
                select r.number, r.params, (select coalesce(max(number) + 1, 0) from trial where job_id = :job) as next,
                       set_config('synchronous_commit', 'off', true) as commit_without_flush
                  from (select 1) one left join resumed r on true
                """)
                .param("job", jobId)
                .param("client", clientId)
                .param("timeoutMs", timeout.toMillis())
                .param("reason", expiryReason(timeout))
                .query((rs, row) -> new AskSlot(
                        rs.getString("params") == null
                                ? Optional.empty()
                                : Optional.of(new AskedTrial(rs.getInt("number"), rs.getString("params"))),
                        rs.getInt("next")))
                .single();
    }

    /**
     * Starts the deadline of a trial just asked or resumed, once the ask's transaction has
     * committed. Its synchronous commit is what makes the ask durable: PostgreSQL flushes the
     * WAL in order, so flushing this write flushes the ask's too. If the database crashes
     * before it returns, the ask may be lost, but its client was never answered. Deliberately
     * not fenced by state: it must write (a statement that changes nothing does not flush), and
     * a deadline on a trial cancelled meanwhile is harmless.
     */
    public void startDeadline(long jobId, int number, Duration timeout) {
        jdbc.sql("""
                update trial set expires_at = now() + :timeoutMs * interval '1 millisecond'
                 where job_id = :job and number = :number
                """)
                .param("job", jobId)
                .param("number", number)
                .param("timeoutMs", timeout.toMillis())
                .update();
    }

    /**
     * Completes a running external trial with the client's objective value; its rank key comes
     * from the job's direction, as for DL4J trials, so the leaderboard needs nothing new.
     *
     * @return empty if nothing changed (see the class comment)
     */
    public Optional<ToldTrial> complete(long jobId, int number, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("objective value must be finite, but was " + value);
        }
        String set = "state = 'COMPLETED', value = :value, rank_key = " + TrialQueue.RANK_KEY;
        return told(jdbc.sql(tellSql(set)).param("value", value), jobId, number);
    }

    /**
     * Completes a running external trial of a job with several objectives or with constraints:
     * {@code value} is the first objective's, and the trial ranks last until {@link
     * ParetoRanks#refresh} places it (the caller runs it once this is committed).
     *
     * @param constraints each constraint's value (met when ≤ 0), empty without constraints
     * @return empty if nothing changed (see the class comment)
     */
    public Optional<ToldTrial> complete(long jobId, int number, List<Double> values, List<Double> constraints) {
        return told(TradeOffColumns.bind(jdbc.sql(tellSql(TradeOffColumns.SET)), values, constraints), jobId, number);
    }

    /**
     * Fails a running external trial with the client's reason.
     *
     * @return empty if nothing changed (see the class comment)
     */
    public Optional<ToldTrial> fail(long jobId, int number, String reason) {
        String set = "state = 'FAILED', failure_reason = :reason";
        return told(jdbc.sql(tellSql(set)).param("reason", reason), jobId, number);
    }

    private static String tellSql(String set) {
        // all_asked reads the snapshot taken before this update: when the job's last trial is
        // asked concurrently, its own tell will see it, so no caller misses the job's end
        return """
                update trial t set %s, finished_at = now()
                  from job j
                 where j.id = t.job_id and t.job_id = :job and t.number = :number and j.execution = 'EXTERNAL'
                   and t.state = 'RUNNING' and t.expires_at > now()
                returning t.*, exists (select 1 from trial a where a.job_id = t.job_id and a.number = j.max_trials - 1)
                          as all_asked
                """.formatted(set);
    }

    private static Optional<ToldTrial> told(JdbcClient.StatementSpec statement, long jobId, int number) {
        return statement
                .param("job", jobId)
                .param("number", number)
                .query((rs, row) -> new ToldTrial(TrialEntity.fromRow(rs), rs.getBoolean("all_asked")))
                .optional();
    }

    /**
     * Records an intermediate value of a running external trial at {@code step} (replacing an
     * earlier report of the same step) under the objective's metric name, and pushes its
     * deadline out by {@code timeout}. {@code epochs_trained} becomes the highest step reported.
     *
     * @return the trial's id, or empty if nothing changed (see the class comment)
     */
    public OptionalLong report(long jobId, int number, int step, double value, Duration timeout) {
        if (step < 0 || !Double.isFinite(value)) {
            throw new IllegalArgumentException("step must be >= 0 and value finite, but were " + step + ", " + value);
        }
        return jdbc.sql("""
                with held as (
                    update trial t set expires_at = now() + :timeoutMs * interval '1 millisecond',
                                       epochs_trained = greatest(t.epochs_trained, :step)
                      from job j
                     where j.id = t.job_id and t.job_id = :job and t.number = :number and j.execution = 'EXTERNAL'
                       and t.state = 'RUNNING' and t.expires_at > now()
                    returning t.id, j.objective_metric),
                recorded as (
                    insert into trial_metric (trial_id, epoch, metrics)
                    select id, :step, jsonb_build_object(objective_metric, cast(:value as double precision)) from held
                    on conflict (trial_id, epoch) do update set metrics = excluded.metrics, recorded_at = now())
                select id from held
                """)
                .param("job", jobId)
                .param("number", number)
                .param("step", step)
                .param("value", value)
                .param("timeoutMs", timeout.toMillis())
                .query(Long.class)
                .optional()
                .map(OptionalLong::of)
                .orElse(OptionalLong.empty());
    }

    /**
     * Ends a running external trial PRUNED at {@code step} with the value its client just
     * reported there, as the job's pruner decided; {@code reason} is kept on the trial and on
     * the step. A later tell of the trial is refused (409), naming the reason.
     *
     * @return false if nothing changed (see the class comment)
     */
    public boolean prune(long jobId, int number, int step, double value, String reason) {
        String fence = "t.job_id = :job and t.number = :number and j.execution = 'EXTERNAL' and t.expires_at > now()";
        return jdbc.sql(TrialQueue.PRUNE_SQL.formatted(fence))
                        .param("job", jobId)
                        .param("number", number)
                        .param("epoch", step)
                        .param("value", value)
                        .param("reason", reason)
                        .query(Long.class)
                        .single()
                == 1;
    }

    /** Records the pruner's judgement at {@code step} of a running trial it let go on. */
    public void notePruning(long jobId, int number, int step, String reason) {
        jdbc.sql("""
                update trial_metric m set pruning = :reason
                  from trial t
                 where t.id = m.trial_id and m.epoch = :step
                   and t.job_id = :job and t.number = :number and t.state = 'RUNNING'
                """)
                .param("job", jobId)
                .param("number", number)
                .param("step", step)
                .param("reason", reason)
                .update();
    }

    /**
     * Fails every running external trial whose deadline has passed: its client crashed, gave
     * up or forgot to tell. The scheduler calls this periodically; the partial index on
     * {@code expires_at} keeps it one range scan over the trials in flight.
     */
    public List<ReapedTrial> expire(Duration timeout) {
        return jdbc.sql("""
                update trial set state = 'FAILED', failure_reason = :reason, finished_at = now()
                 where state = 'RUNNING' and expires_at <= now()
                returning id, job_id, number, client_id
                """)
                .param("reason", expiryReason(timeout))
                .query((rs, row) -> new ReapedTrial(
                        rs.getLong("id"),
                        rs.getLong("job_id"),
                        rs.getInt("number"),
                        TrialState.FAILED,
                        rs.getString("client_id")))
                .list();
    }

    /**
     * Why a tell or report of trial {@code number} changed nothing, in one read.
     *
     * @return empty when the job does not exist
     */
    public Optional<Refusal> refusal(long jobId, int number) {
        return jdbc.sql("""
                select j.execution, t.state, coalesce(t.failure_reason, t.prune_reason) as failure_reason,
                       coalesce(t.expires_at <= now(), false) as past_deadline
                  from job j left join trial t on t.job_id = j.id and t.number = :number
                 where j.id = :job
                """)
                .param("job", jobId)
                .param("number", number)
                .query((rs, row) -> new Refusal(
                        JobExecution.valueOf(rs.getString("execution")),
                        rs.getString("state") == null ? null : TrialState.valueOf(rs.getString("state")),
                        rs.getString("failure_reason"),
                        rs.getBoolean("past_deadline")))
                .optional();
    }

    /** "1h", "90s", "1500ms": how the README writes durations. */
    static String humanized(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }
}
