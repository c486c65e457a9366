package dev.anneal.db.trial;

import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads learning curves: the per-epoch metrics that workers record through {@link TrialQueue}. */
@Repository
public class TrialMetricReader {

    private final JdbcClient jdbc;

    public TrialMetricReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One trial's curve, first epoch first. */
    public List<EpochMetrics> curve(long trialId) {
        return curves(List.of(trialId));
    }

    /** Several trials' curves in one query, ordered by trial id then epoch. */
    public List<EpochMetrics> curves(Collection<Long> trialIds) {
        if (trialIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select trial_id, epoch, metrics::text as metrics, pruning, recorded_at
                  from trial_metric where trial_id in (:ids) order by trial_id, epoch
                """)
                .param("ids", trialIds)
                .query((rs, row) -> new EpochMetrics(
                        rs.getLong("trial_id"),
                        rs.getInt("epoch"),
                        rs.getString("metrics"),
                        rs.getString("pruning"),
                        rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }
}
