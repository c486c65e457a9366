package dev.anneal.db.trial;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads what a pruner needs when a trial reports a step: every value of the job's objective
 * reported at that step by any trial, and the reporting trial's own curve up to it. Trials of a
 * job may run on many worker processes, so PostgreSQL is the one place that sees them all.
 *
 * <p>One statement: the job's trials through {@code trial_job_state_idx}, then one primary-key
 * probe of {@code trial_metric (trial_id, epoch)} per trial, plus the reporting trial's own
 * short range. Its cost grows with the job's trial count, not with its curves' lengths.
 */
@Repository
public class IntermediateValues {

    /** One trial's objective value at one step; {@code state} is the trial's state now. */
    public record Value(int trialNumber, TrialState state, int step, double value) {}

    /**
     * @param peers other trials' values at the step
     * @param own the reporting trial's values from its first step to this one, in step order
     */
    public record AtStep(List<Value> peers, List<Value> own) {}

    private final JdbcClient jdbc;

    public IntermediateValues(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param metric the job's objective metric, the name values are recorded under
     * @param trialId the trial that reported {@code step}
     */
    public AtStep atStep(long jobId, long trialId, String metric, int step) {
        List<Value> peers = new ArrayList<>();
        List<Value> own = new ArrayList<>();
        jdbc.sql("""
                select t.id = :trial as own, t.number, t.state, m.epoch, (m.metrics ->> :metric)::float8 as value
                  from trial t join trial_metric m on m.trial_id = t.id
                 where t.job_id = :job and m.metrics ->> :metric is not null
                   and ((t.id <> :trial and m.epoch = :step) or (t.id = :trial and m.epoch <= :step))
                 order by m.epoch
                """)
                .param("job", jobId)
                .param("trial", trialId)
                .param("metric", metric)
                .param("step", step)
                .query(rs -> {
                    Value v = new Value(
                            rs.getInt("number"),
                            TrialState.valueOf(rs.getString("state")),
                            rs.getInt("epoch"),
                            rs.getDouble("value"));
                    (rs.getBoolean("own") ? own : peers).add(v);
                });
        return new AtStep(peers, own);
    }
}
