package dev.anneal.db.trial;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Per-job trial counts and best trials for many jobs at once (a page of the job list in two queries). */
@Repository
public class TrialStats {

    /** The best completed trial of each job; package-visible so a test can read its plan. */
    static final String BEST = """
            select distinct on (job_id) job_id, number, state, value, params::text as params, epochs_trained, best_epoch,
                   (extract(epoch from (finished_at - started_at)) * 1000)::bigint as duration_ms, finished_at,
                   objective_values, constraint_values, pareto_rank, cost::text as cost
              from trial
             where job_id in (:ids) and state = 'COMPLETED'
             order by job_id, rank_key, finished_at, number
            """;

    private final JdbcClient jdbc;

    public TrialStats(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Trial counts by state for each job; a job without trials maps to an empty map. */
    public Map<Long, Map<TrialState, Long>> countsByState(Collection<Long> jobIds) {
        Map<Long, Map<TrialState, Long>> counts = new HashMap<>();
        jobIds.forEach(id -> counts.put(id, new EnumMap<>(TrialState.class)));
        if (jobIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("select job_id, state, count(*) as n from trial where job_id in (:ids) group by job_id, state")
                .param("ids", jobIds)
                .query(rs -> {
                    counts.get(rs.getLong("job_id")).put(TrialState.valueOf(rs.getString("state")), rs.getLong("n"));
                });
        return counts;
    }

    /** The leaderboard's first row of each job that has a completed trial. */
    public Map<Long, LeaderboardRow> best(Collection<Long> jobIds) {
        Map<Long, LeaderboardRow> best = new HashMap<>();
        if (jobIds.isEmpty()) {
            return best;
        }
        List<Object[]> rows = jdbc.sql(BEST)
                .param("ids", jobIds)
                .query((rs, n) -> new Object[] {rs.getLong("job_id"), Leaderboard.mapRow(rs, 1)})
                .list();
        rows.forEach(r -> best.put((Long) r[0], (LeaderboardRow) r[1]));
        return best;
    }
}
