package dev.anneal.db.trial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.db.testing.Fixtures;
import dev.anneal.db.testing.TestDatabase;
import dev.anneal.tuner.pareto.ParetoRanking;
import dev.anneal.tuner.study.Direction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The Pareto ranking stored at completion: what the leaderboard and the front read. */
@SpringBootTest
class ParetoRanksIT {

    static final Duration HOUR = Duration.ofHours(1);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    ExternalTrials external;

    @Autowired
    ParetoRanks ranks;

    @Autowired
    Leaderboard leaderboard;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    javax.sql.DataSource dataSource;

    Fixtures fixtures;

    @BeforeEach
    void clean() {
        jdbc.sql("truncate job, trial, trial_metric restart identity cascade").update();
        fixtures = new Fixtures(jdbc);
    }

    @Test
    void storedRanksMatchTheDefinitionAndTheFrontIsReadByTheLeaderboardIndex() throws Exception {
        long job = fixtures.runningExternalJob("MINIMIZE", 400);
        List<Direction> directions = List.of(Direction.MINIMIZE, Direction.MAXIMIZE);
        SplittableRandom rng = new SplittableRandom(9);
        int n = 300;
        double[][] loss = new double[n][];
        double[] violation = new double[n];
        for (int i = 0; i < n; i++) {
            double a = rng.nextInt(40);
            double b = rng.nextInt(40);
            double c = rng.nextDouble() < 0.2 ? rng.nextInt(3) + 1 : -1;
            external.ask(job, i, "{}", null, HOUR);
            assertThat(external.complete(job, i, List.of(a, b), List.of(c))).isPresent();
            loss[i] = new double[] {a, -b};
            violation[i] = Math.max(0, c);
            if (i % 50 == 49) {
                ranks.refresh(job, directions);
            }
        }
        ranks.refresh(job, directions);

        int[] expected = ParetoRanking.ranks(loss, violation);
        List<Integer> stored = jdbc.sql("select pareto_rank from trial where job_id = :job order by number")
                .param("job", job)
                .query(Integer.class)
                .list();
        assertThat(stored)
                .containsExactlyElementsOf(Arrays.stream(expected).boxed().toList());

        // the leaderboard: by rank, never an infeasible trial before a feasible one
        List<LeaderboardRow> board = leaderboard.top(job, n);
        assertThat(board).extracting(LeaderboardRow::paretoRank).isSorted();
        int firstInfeasible = IntStream.range(0, n)
                .filter(i -> !board.get(i).feasible())
                .findFirst()
                .orElse(n);
        assertThat(board.subList(firstInfeasible, n)).noneMatch(LeaderboardRow::feasible);

        List<Integer> front = new ArrayList<>();
        leaderboard.front(job, 1000).forEach(r -> front.add(r.trialNumber()));
        assertThat(front)
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, n)
                        .filter(i -> expected[i] == 0)
                        .boxed()
                        .toList());
        // the front's extremes (infinite crowding) come first
        List<LeaderboardRow> rows = leaderboard.front(job, 1000);
        if (rows.size() > 2) {
            double bestA =
                    rows.stream().mapToDouble(r -> r.values().get(0)).min().orElseThrow();
            assertThat(rows.subList(0, 2))
                    .anySatisfy(r -> assertThat(r.values().get(0)).isEqualTo(bestA));
        }

        assertThat(planOfFront(job)).contains("trial_leaderboard_idx").doesNotContain("Sort");
    }

    /** As TrialQueueIT reads plans: sequential scans off, since the test's table is tiny. */
    private String planOfFront(long job) throws Exception {
        try (java.sql.Connection c = dataSource.getConnection();
                java.sql.Statement st = c.createStatement()) {
            st.execute("analyze trial");
            st.execute("set enable_seqscan = off");
            JdbcClient onThisConnection =
                    JdbcClient.create(new org.springframework.jdbc.datasource.SingleConnectionDataSource(c, true));
            return String.join(
                    "\n",
                    onThisConnection
                            .sql("explain " + Leaderboard.FRONT)
                            .params(java.util.Map.of("job", job, "limit", 1000))
                            .query(String.class)
                            .list());
        }
    }
}
