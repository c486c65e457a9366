package dev.anneal.bench;

import static dev.anneal.bench.BlockingHttp.get;
import static dev.anneal.bench.BlockingHttp.post;
import static dev.anneal.bench.BlockingHttp.submitExternalJob;

import dev.anneal.bench.BlockingHttp.Reply;
import dev.anneal.bench.search.Stats;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the dashboard's reads cost on a big job: K ask/tell clients fill one external
 * random-search job with N told trials (4 parameters, a cheap objective of all of them), then
 * one client times the reads a job page makes: {@code GET leaderboard?limit=10}, {@code GET
 * job} and {@code GET importance}.
 *
 * <p>Importance is timed three ways: the first call after the job filled (the fit's code is
 * still cold in the JIT too); "after a tell", for each of the job's last {@link #LAST_TELLS}
 * trials, K callers asking at once right after that trial was told (what a dashboard open in K
 * tabs does while a job runs: the first answer for a new trial count); and warm, the same count
 * asked again and again. Each timed series stops at {@code --samples} calls or {@link
 * #SERIES_SECONDS} seconds, whichever comes first, so a slow read still ends.
 *
 * <p>Without {@code --url} it starts {@code api/target/anneal.jar} in its default mode ({@link
 * BenchServer}); the benchmark's clients share the machine's cores with it.
 */
final class ReadLatency {

    /** Trials told one at a time at the end, each followed by K concurrent importance calls. */
    static final int LAST_TELLS = 5;

    static final double SERIES_SECONDS = 60;

    /** The figures at 10,000 trials before the importance cache, and the targets. */
    private static final String[][] TARGETS = {
        {"leaderboard?limit=10", "7.8", "<= 10 ms p50"},
        {"job", "12", ""},
        {"importance, warm", "2300 (max 5100)", "<= 100 ms"},
    };

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String jobUrl;

    private ReadLatency(String jobUrl) {
        this.jobUrl = jobUrl;
    }

    public static void main(String[] args) throws Exception {
        int trials = Integer.parseInt(BenchServer.option(args, "--trials", "10000"));
        int clients = Integer.parseInt(BenchServer.option(args, "--clients", "8"));
        int samples = Integer.parseInt(BenchServer.option(args, "--samples", "300"));
        if (trials <= LAST_TELLS || trials > 10_000 || clients < 1 || samples < 1) {
            throw new IllegalArgumentException(
                    "need " + (LAST_TELLS + 1) + " <= trials <= 10000 (a job's maxTrials), clients >= 1, samples >= 1");
        }
        System.setProperty("http.maxConnections", Integer.toString(Math.max(5, clients)));
        try (BenchServer server = BenchServer.fromArgs(args)) {
            long job = submitExternalJob(server.url(), "reads-bench", trials);
            ReadLatency bench = new ReadLatency(server.url() + "/api/v1/jobs/" + job);
            long began = System.nanoTime();
            bench.fill(trials - LAST_TELLS, clients);
            System.out.printf(
                    "filled job %d with %d told trials by %d clients in %.1f s (%s)%n",
                    job,
                    trials - LAST_TELLS,
                    clients,
                    (System.nanoTime() - began) / 1e9,
                    server.started() ? "embedded PostgreSQL" : server.url());

            double first = bench.time("/importance");
            List<Double> afterTell = new ArrayList<>();
            for (int i = 0; i < LAST_TELLS; i++) {
                bench.fill(1, 1);
                afterTell.addAll(bench.concurrently("/importance", clients));
            }
            JsonNode finished = JSON.readTree(get(bench.jobUrl).body());
            int completed = finished.path("trials").path("completed").asInt();
            int fitted = JSON.readTree(get(bench.jobUrl + "/importance").body())
                    .path("trials")
                    .asInt();

            // a few hundred untimed reads first, so the JIT has compiled their paths
            bench.series("/leaderboard?limit=10", 200);
            bench.series("", 200);
            double[] leaderboard = bench.series("/leaderboard?limit=10", samples);
            double[] summary = bench.series("", samples);
            double[] importance = bench.series("/importance", samples);

            System.out.printf(
                    "job %s with %d completed trials (importance fitted on %d); one client reading, ms:%n",
                    finished.path("state").asString(), completed, fitted);
            System.out.printf(
                    "%-38s %6s %9s %9s %9s   %-17s %s%n",
                    "read", "calls", "p50", "p99", "max", "before (issue)", "target");
            row("leaderboard?limit=10", leaderboard, TARGETS[0]);
            row("job", summary, TARGETS[1]);
            row("importance, warm", importance, TARGETS[2]);
            row("importance, first call", new double[] {first}, new String[] {"", "", ""});
            row(
                    "importance, " + clients + " callers after a tell",
                    afterTell.stream().mapToDouble(Double::doubleValue).toArray(),
                    new String[] {"", "", ""});
        }
    }

    private static void row(String name, double[] ms, String[] target) {
        System.out.printf(
                "%-38s %6d %9.2f %9.2f %9.2f   %-17s %s%n",
                name,
                ms.length,
                Stats.percentile(ms, 0.5),
                Stats.percentile(ms, 0.99),
                Stats.percentile(ms, 1.0),
                target[1],
                target[2]);
    }

    /** Up to {@code calls} sequential GETs of the job's {@code path}, within {@link #SERIES_SECONDS}; ms each. */
    private double[] series(String path, int calls) throws IOException {
        List<Double> ms = new ArrayList<>();
        long deadline = System.nanoTime() + (long) (SERIES_SECONDS * 1e9);
        while (ms.size() < calls && System.nanoTime() < deadline) {
            ms.add(time(path));
        }
        return ms.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** One GET of the job's {@code path} that must answer 200; its latency in ms. */
    private double time(String path) throws IOException {
        long t0 = System.nanoTime();
        Reply reply = get(jobUrl + path);
        long t1 = System.nanoTime();
        if (reply.status() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + reply.status() + ": " + reply.body());
        }
        return (t1 - t0) / 1e6;
    }

    /** {@code callers} GETs of {@code path} started together; each one's latency in ms. */
    private List<Double> concurrently(String path, int callers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Double>> calls = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return time(path);
                }));
            }
            start.countDown();
            List<Double> ms = new ArrayList<>();
            for (Future<Double> call : calls) {
                ms.add(call.get());
            }
            return ms;
        } finally {
            pool.shutdown();
        }
    }

    /** {@code count} ask/tell cycles shared among {@code clients} concurrent clients. */
    private void fill(int count, int clients) throws Exception {
        AtomicInteger left = new AtomicInteger(count);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Void>> work = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                String clientId = "reads-" + c;
                work.add(pool.submit(() -> {
                    while (left.getAndDecrement() > 0) {
                        cycle(clientId);
                    }
                    return null;
                }));
            }
            for (Future<Void> f : work) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private void cycle(String clientId) throws IOException {
        Reply asked = post(jobUrl + "/trials/ask", "{\"clientId\":\"" + clientId + "\"}");
        if (asked.status() != 201) {
            throw new IllegalStateException("ask answered " + asked.status() + ": " + asked.body());
        }
        JsonNode trial = JSON.readTree(asked.body());
        JsonNode p = trial.path("params");
        // every parameter matters, x most: the importance fitted has something to find
        double value = Math.pow(p.path("x").asDouble() - 1, 2)
                + Math.log10(p.path("lr").asDouble()) * 0.3
                + p.path("depth").asInt() * 0.05
                + ("adam".equals(p.path("optimizer").asString()) ? 0 : 0.5);
        Reply told = post(jobUrl + "/trials/" + trial.path("number").asInt() + "/tell", "{\"value\":" + value + "}");
        if (told.status() != 200) {
            throw new IllegalStateException("tell answered " + told.status() + ": " + told.body());
        }
    }
}
