package dev.anneal.db.trial;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Ranks a job's finished trials in PostgreSQL: every completed trial first, best objective first
 * for the job's direction (via {@code rank_key}), ties broken by earlier finish, then by trial
 * number; then the pruned trials the same way by their last intermediate value. A pruned trial
 * stopped before it could show its worth, so even a high last value does not put it above a
 * trial that trained all its epochs. The ordering matches {@code trial_ranked_idx}, so reading
 * the top N is an index range scan however many trials the job has.
 */
@Repository
public class Leaderboard {

    /** Package-visible so a test can read the plan of exactly this query. */
    static final String TOP = """
            select row_number() over (order by state = 'PRUNED', rank_key, finished_at, number) as rank,
                   number, state, value, params::text as params, epochs_trained, best_epoch,
                   (extract(epoch from (finished_at - started_at)) * 1000)::bigint as duration_ms,
                   finished_at, objective_values, constraint_values, pareto_rank, cost::text as cost
              from trial
             where job_id = :job and rank_key is not null
             order by state = 'PRUNED', rank_key, finished_at, number
             limit :limit
            """;

    private final JdbcClient jdbc;

    public Leaderboard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<LeaderboardRow> top(long jobId, int limit) {
        return jdbc.sql(TOP)
                .param("job", jobId)
                .param("limit", limit)
                .query((rs, row) -> mapRow(rs, rs.getInt("rank")))
                .list();
    }

    /** Maps the columns both leaderboard queries select. */
    static LeaderboardRow mapRow(java.sql.ResultSet rs, int rank) throws java.sql.SQLException {
        return new LeaderboardRow(
                rank,
                rs.getInt("number"),
                TrialState.valueOf(rs.getString("state")),
                rs.getDouble("value"),
                rs.getString("params"),
                rs.getInt("epochs_trained"),
                (Integer) rs.getObject("best_epoch"),
                rs.getLong("duration_ms"),
                rs.getTimestamp("finished_at").toInstant(),
                list(TrialEntity.doubles(rs.getArray("objective_values"))),
                list(TrialEntity.doubles(rs.getArray("constraint_values"))),
                rs.getObject("pareto_rank", Integer.class),
                rs.getString("cost"));
    }

    private static List<Double> list(Double[] values) {
        return values == null ? List.of() : java.util.Arrays.asList(values);
    }

    /**
     * The Pareto front of a job with several objectives or constraints (its feasible completed
     * trials of rank 0, in leaderboard order: the front's extremes first, then the lonelier
     * points); for other jobs, the best trial. Rank 0 is exactly {@code rank_key < 1}, so this is
     * a range scan of the leaderboard index.
     */
    public List<LeaderboardRow> front(long jobId, int limit) {
        return jdbc.sql(FRONT)
                .param("job", jobId)
                .param("limit", limit)
                .query((rs, row) -> mapRow(rs, rs.getInt("rank")))
                .list();
    }

    static final String FRONT = """
            select row_number() over (order by rank_key, finished_at, number) as rank,
                   number, state, value, params::text as params, epochs_trained, best_epoch,
                   (extract(epoch from (finished_at - started_at)) * 1000)::bigint as duration_ms,
                   finished_at, objective_values, constraint_values, pareto_rank, cost::text as cost
              from trial
             where job_id = :job and state = 'COMPLETED' and rank_key < 1
             order by rank_key, finished_at, number
             limit :limit
            """;

    /** The best completed trial; a pruned one is never the job's best. */
    public Optional<LeaderboardRow> best(long jobId) {
        return top(jobId, 1).stream()
                .filter(r -> r.state() == TrialState.COMPLETED)
                .findFirst();
    }
}
