package dev.anneal.bench;

import static dev.anneal.bench.BlockingHttp.get;
import static dev.anneal.bench.BlockingHttp.post;
import static dev.anneal.bench.BlockingHttp.submitExternalJob;

import dev.anneal.bench.BlockingHttp.Reply;
import dev.anneal.bench.search.Stats;
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
 * Ask/tell throughput of an external job over HTTP: K concurrent clients each loop ask, then
 * tell a cheap objective's value, on one random-search job, as a client with a fast objective
 * would. Reports cycles per second and the latency of each call beside Optuna's RDB storage on
 * PostgreSQL (reference.md section 3), whose figure is the same cycle (ask, no-op objective,
 * tell) from one or two processes.
 *
 * <p>{@code --warmup} cycles on a job of their own come first and are not measured: a fresh
 * server JVM needs thousands of requests before its hot paths are compiled (on the 2-core
 * project machine, 1,000 warm-up cycles measured about half the steady rate). Without {@code
 * --url} the server is started in its default mode, embedded PostgreSQL included ({@link
 * BenchServer}); the benchmark's own HTTP clients share the machine's cores with it.
 */
final class AskTellThroughput {

    /** reference.md section 3: Optuna's RDB storage on PostgreSQL 15, RandomSampler, no-op objective. */
    private static final String[][] OPTUNA = {
        {"RDB, 1 process", "34.3"}, {"RDB, 2 processes", "60.3"}, {"RDB, 2 processes, synchronous_commit=off", "78.2"}
    };

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String jobUrl;
    private final int clients;

    private AskTellThroughput(String jobUrl, int clients) {
        this.jobUrl = jobUrl;
        this.clients = clients;
    }

    public static void main(String[] args) throws Exception {
        int cycles = Integer.parseInt(BenchServer.option(args, "--cycles", "3000"));
        int clients = Integer.parseInt(BenchServer.option(args, "--clients", "8"));
        int warmup = Integer.parseInt(BenchServer.option(args, "--warmup", "5000"));
        if (cycles < 1 || cycles > 10_000 || warmup < 0 || warmup > 10_000 || clients < 1) {
            throw new IllegalArgumentException(
                    "need 1 <= cycles <= 10000 and 0 <= warmup <= 10000 (a job's maxTrials), clients >= 1");
        }
        // keep one connection per client alive (the JDK keeps 5 per host by default)
        System.setProperty("http.maxConnections", Integer.toString(Math.max(5, clients)));
        try (BenchServer server = BenchServer.fromArgs(args)) {
            if (warmup > 0) {
                // its own job, so the measured one starts empty like a fresh study
                Result warm = on(server, warmup, clients).run(warmup);
                System.out.printf(
                        "warm-up (JIT, connection pools): %d cycles at %.1f cycles/s, not counted%n",
                        warmup, warmup / warm.seconds());
            }
            AskTellThroughput bench = on(server, cycles, clients);
            Result result = bench.run(cycles);
            JsonNode finished = JSON.readTree(get(bench.jobUrl).body());
            print(result, cycles, clients, finished, server.started() ? "embedded PostgreSQL" : server.url());
        }
    }

    /** A fresh external job of {@code maxTrials} trials to run cycles on. */
    private static AskTellThroughput on(BenchServer server, int maxTrials, int clients) throws Exception {
        long job = submitExternalJob(server.url(), "asktell-bench", maxTrials);
        return new AskTellThroughput(server.url() + "/api/v1/jobs/" + job, clients);
    }

    /** What one measured run saw. */
    private record Result(double seconds, double[] askMs, double[] tellMs) {}

    /** {@code cycles} ask/tell cycles shared among the clients, as fast as they go. */
    private Result run(int cycles) throws Exception {
        AtomicInteger left = new AtomicInteger(cycles);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<double[]>>> work = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            String clientId = "bench-" + c;
            work.add(pool.submit(() -> {
                start.await();
                List<double[]> timings = new ArrayList<>();
                while (left.getAndDecrement() > 0) {
                    timings.add(cycle(clientId));
                }
                return timings;
            }));
        }
        long began = System.nanoTime();
        start.countDown();
        List<double[]> all = new ArrayList<>();
        for (Future<List<double[]>> f : work) {
            all.addAll(f.get());
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        pool.shutdown();
        return new Result(
                seconds,
                all.stream().mapToDouble(t -> t[0]).toArray(),
                all.stream().mapToDouble(t -> t[1]).toArray());
    }

    /** One ask and one tell; returns their latencies in ms. */
    private double[] cycle(String clientId) throws Exception {
        long t0 = System.nanoTime();
        Reply asked = post(jobUrl + "/trials/ask", "{\"clientId\":\"" + clientId + "\"}");
        long t1 = System.nanoTime();
        if (asked.status() != 201) {
            throw new IllegalStateException("ask answered " + asked.status() + ": " + asked.body());
        }
        JsonNode trial = JSON.readTree(asked.body());
        JsonNode p = trial.path("params");
        // a cheap objective of every parameter, so values differ and the leaderboard is real
        double value = Math.pow(p.path("x").asDouble() - 1, 2)
                + Math.log10(p.path("lr").asDouble()) * 0.01
                + p.path("depth").asInt() * 0.001
                + ("adam".equals(p.path("optimizer").asString()) ? 0 : 0.1);
        long t2 = System.nanoTime();
        Reply told = post(jobUrl + "/trials/" + trial.path("number").asInt() + "/tell", "{\"value\":" + value + "}");
        long t3 = System.nanoTime();
        if (told.status() != 200) {
            throw new IllegalStateException("tell answered " + told.status() + ": " + told.body());
        }
        return new double[] {(t1 - t0) / 1e6, (t3 - t2) / 1e6};
    }

    private static void print(Result r, int cycles, int clients, JsonNode job, String database) {
        double rate = cycles / r.seconds();
        System.out.printf(
                "ask+tell over HTTP, random search over 4 parameters, %d clients, %s: %d cycles in %.2f s%n",
                clients, database, cycles, r.seconds());
        System.out.printf("%-36s %10.1f%n", "cycles/s", rate);
        System.out.printf("%-36s %10s %10s%n", "latency (ms)", "p50", "p99");
        System.out.printf(
                "%-36s %10.2f %10.2f%n", "ask", Stats.percentile(r.askMs(), 0.5), Stats.percentile(r.askMs(), 0.99));
        System.out.printf(
                "%-36s %10.2f %10.2f%n", "tell", Stats.percentile(r.tellMs(), 0.5), Stats.percentile(r.tellMs(), 0.99));
        System.out.printf("%-42s %10s %8s%n", "Optuna on PostgreSQL (reference.md §3)", "trials/s", "ratio");
        for (String[] peer : OPTUNA) {
            double theirs = Double.parseDouble(peer[1]);
            System.out.printf("%-42s %10.1f %7.1fx%n", peer[0], theirs, rate / theirs);
        }
        System.out.printf(
                "measured job afterwards: %s, %d trials completed%n",
                job.path("state").asString(),
                job.path("trials").path("completed").asInt());
    }
}
