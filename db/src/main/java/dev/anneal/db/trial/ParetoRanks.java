package dev.anneal.db.trial;

import dev.anneal.tuner.pareto.CrowdingDistance;
import dev.anneal.tuner.pareto.ParetoRanking;
import dev.anneal.tuner.study.Direction;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the leaderboard order of a job with several objectives or with constraints: after one of
 * its trials completes, every completed trial gets {@code pareto_rank} (its non-dominated rank
 * under constraint domination: feasible fronts first, infeasible trials after them by total
 * violation) and {@code rank_key} = rank + a tie-break in [0, 1) that puts the lonelier trials of a
 * front first (1 / (1 + crowding distance): the front's extremes get 0). So the order is computed
 * once per completion, and every read is an index range scan however many trials the job has.
 *
 * <p>A transaction-scoped advisory lock on the job serializes refreshes, so two completions at
 * once cannot write ranks from two different snapshots: the later refresh sees both trials. Only
 * rows whose rank or key changed are written.
 */
@Repository
public class ParetoRanks {

    private final JdbcClient jdbc;

    public ParetoRanks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Row(long id, Double[] values, Double[] constraints, Integer rank, Double key) {}

    /** Ranks the job's completed trials again; call after a trial of the job completed (committed). */
    @Transactional
    public void refresh(long jobId, List<Direction> directions) {
        jdbc.sql("select pg_advisory_xact_lock(:namespace, cast(:job as integer))")
                .param("namespace", LOCK_NAMESPACE)
                .param("job", (int) jobId)
                .query((rs, row) -> 1)
                .list();
        List<Row> rows = jdbc.sql("""
                select id, objective_values, constraint_values, pareto_rank, rank_key
                  from trial where job_id = :job and state = 'COMPLETED'
                """)
                .param("job", jobId)
                .query((rs, row) -> new Row(
                        rs.getLong(1),
                        TrialEntity.doubles(rs.getArray(2)),
                        TrialEntity.doubles(rs.getArray(3)),
                        rs.getObject(4, Integer.class),
                        rs.getObject(5, Double.class)))
                .list();
        List<Row> ranked = rows.stream()
                .filter(r -> r.values() != null && r.values().length == directions.size())
                .toList();
        int n = ranked.size();
        double[][] loss = new double[n][];
        double[] violation = new double[n];
        for (int i = 0; i < n; i++) {
            Row r = ranked.get(i);
            loss[i] = new double[directions.size()];
            for (int k = 0; k < loss[i].length; k++) {
                double v = r.values()[k];
                loss[i][k] = directions.get(k) == Direction.MAXIMIZE ? -v : v;
            }
            if (r.constraints() != null) {
                for (Double c : r.constraints()) {
                    violation[i] += c != null && c > 0 ? c : 0;
                }
            }
        }
        int[] rank = ParetoRanking.ranks(loss, violation);
        double[] key = new double[n];
        for (int front = 0, done = 0; done < n; front++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (rank[i] == front) {
                    members.add(i);
                }
            }
            if (members.isEmpty()) {
                break; // ranks are contiguous; a gap would be a bug in the ranking, not a reason to spin
            }
            // a feasible front of several objectives is ordered by crowding; one objective's ranks
            // and the infeasible ranks hold equal trials, ordered by finish time alone
            boolean crowded = directions.size() > 1 && violation[members.get(0)] == 0;
            double[] crowding = crowded
                    ? CrowdingDistance.of(members.stream().map(i -> loss[i]).toArray(double[][]::new))
                    : null;
            for (int j = 0; j < members.size(); j++) {
                double c = crowded ? crowding[j] : Double.POSITIVE_INFINITY;
                key[members.get(j)] = front + (Double.isInfinite(c) ? 0 : 1 / (1 + c));
            }
            done += members.size();
        }
        StringBuilder ids = new StringBuilder("{");
        StringBuilder ranks = new StringBuilder("{");
        StringBuilder keys = new StringBuilder("{");
        for (int i = 0; i < n; i++) {
            Row r = ranked.get(i);
            if (r.rank() == null || r.rank() != rank[i] || r.key() == null || r.key() != key[i]) {
                String sep = ids.length() > 1 ? "," : "";
                ids.append(sep).append(r.id());
                ranks.append(sep).append(rank[i]);
                keys.append(sep).append(key[i]);
            }
        }
        if (ids.length() > 1) {
            // one statement for every changed row: Double.toString round-trips exactly
            jdbc.sql("""
                    update trial t set pareto_rank = u.rank, rank_key = u.key
                      from unnest(cast(:ids as bigint[]), cast(:ranks as integer[]), cast(:keys as double precision[]))
                           as u(id, rank, key)
                     where t.id = u.id
                    """)
                    .param("ids", ids.append('}').toString())
                    .param("ranks", ranks.append('}').toString())
                    .param("keys", keys.append('}').toString())
                    .update();
        }
    }

    /** The first key of {@code pg_advisory_xact_lock(int, int)}: Pareto refreshes, by job. */
    private static final int LOCK_NAMESPACE = 0x50415245;
}
