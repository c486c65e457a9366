package dev.anneal.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What the service adds around each trial, measured on a real server from the timestamps it
 * records (all from PostgreSQL's clock): how long a trial waits between being queued and a
 * worker starting it, and how long after its last epoch it appears on the leaderboard. The job
 * is 1-epoch iris trials with parallelism equal to the worker slots, so queue time is
 * scheduling overhead, not waiting for a busy worker.
 *
 * <p>Without {@code --url} it starts {@code api/target/anneal.jar} in its default mode
 * (embedded PostgreSQL in a temporary directory) and stops it afterwards ({@link BenchServer}).
 */
final class TrialOverhead {

    /** reference.md section 3: Optuna's RDB storage on PostgreSQL, no-op objective, one process. */
    static final double OPTUNA_RDB_MS_PER_TRIAL = 29.2;

    private TrialOverhead() {}

    public static void main(String[] args) throws Exception {
        int trials = Integer.parseInt(BenchServer.option(args, "--trials", "60"));
        try (BenchServer server = BenchServer.fromArgs(args)) {
            run(server.url(), trials);
        }
    }

    private static void run(String url, int trials) throws Exception {
        String spec = """
                { "name": "overhead-bench", "dataset": "iris", "target": "label", "maxTrials": %d, "parallelism": 2,
                  "searchSpace": { "epochs": 1, "units": 8, "batchSize": 32,
                                   "learningRate": { "type": "float", "min": 1e-3, "max": 1e-1, "log": true } },
                  "algorithm": { "type": "random", "seed": 1 } }
                """.formatted(trials);
        Instant submitted = Instant.now();
        long id = BenchServer.postJson(url + "/api/v1/jobs", spec).path("id").asLong();
        JsonNode job;
        do {
            Thread.sleep(200);
            job = BenchServer.getJson(url + "/api/v1/jobs/" + id);
        } while (!job.path("state").asString().matches("COMPLETED|FAILED|CANCELLED"));
        double wall =
                Duration.between(submitted, Instant.parse(job.path("finishedAt").asString()))
                                .toMillis()
                        / 1000.0;

        List<Double> queued = new ArrayList<>();
        List<Double> published = new ArrayList<>();
        List<Double> trialTime = new ArrayList<>();
        for (int n = 0; n < trials; n++) {
            JsonNode t = BenchServer.getJson(url + "/api/v1/jobs/" + id + "/trials/" + n);
            Instant queuedAt = Instant.parse(t.path("queuedAt").asString());
            Instant startedAt = Instant.parse(t.path("startedAt").asString());
            Instant finishedAt = Instant.parse(t.path("finishedAt").asString());
            JsonNode metrics = t.path("metrics");
            Instant lastEpoch = Instant.parse(
                    metrics.get(metrics.size() - 1).path("recordedAt").asString());
            queued.add(millis(queuedAt, startedAt));
            published.add(millis(lastEpoch, finishedAt));
            trialTime.add(millis(startedAt, finishedAt));
        }
        // the first trials of a job pay one-off costs (dataset parsing, preparation, JIT): report them apart
        List<Double> steadyQueued = queued.subList(4, queued.size());
        System.out.printf(
                "%d trials of 1 epoch on iris, parallelism 2, %.1f s wall (%.1f trials/s end to end)%n",
                trials, wall, trials / wall);
        System.out.printf("%-40s %9s %9s %9s%n", "per trial (ms)", "median", "p95", "max");
        row("queued -> running (all trials)", queued);
        row("queued -> running (after the first 4)", steadyQueued);
        row("last epoch -> on the leaderboard", published);
        row("running -> finished (incl. training)", trialTime);
        double overhead = median(steadyQueued) + median(published);
        System.out.printf(
                "orchestration per trial: %.1f ms; Optuna RDB storage on PostgreSQL: %.1f ms/trial (ratio %.2fx)%n",
                overhead, OPTUNA_RDB_MS_PER_TRIAL, OPTUNA_RDB_MS_PER_TRIAL / overhead);
        System.out.println("(Optuna's figure is its whole ask/tell cycle for a no-op objective; ours is queue wait plus"
                + " result publication around real trials. A ratio above 1 means less overhead than Optuna.)");
    }

    private static void row(String label, List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        System.out.printf(
                "%-40s %9.1f %9.1f %9.1f%n",
                label, median(sorted), percentile(sorted, 0.95), sorted.get(sorted.size() - 1));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return percentile(sorted, 0.5);
    }

    /** Linear interpolation between order statistics (numpy's default), as reference.md uses. */
    private static double percentile(List<Double> sorted, double q) {
        double pos = q * (sorted.size() - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.size() - 1, lo + 1);
        return sorted.get(lo) + (pos - lo) * (sorted.get(hi) - sorted.get(lo));
    }

    private static double millis(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e6;
    }
}
