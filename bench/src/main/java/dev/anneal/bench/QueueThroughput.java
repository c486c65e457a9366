package dev.anneal.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.anneal.db.trial.ClaimedTrial;
import dev.anneal.db.trial.TrialQueue;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The trial queue alone: no-op trials claimed and completed per second, with 1, 2 and 8 worker
 * threads in one process and 2 and 8 worker processes, on a real PostgreSQL, beside Optuna's
 * RDB storage on the same kind of PostgreSQL (reference.md §3). Each worker loops
 * {@code claim(1)} then {@code complete}, the two statements a real trial costs the queue
 * (epoch reports and heartbeats aside).
 *
 * <p>Options: {@code --url} (default {@code ANNEAL_BENCH_DB_URL} or the project machine's
 * {@code jdbc:postgresql://127.0.0.1:5432/test}), {@code --user} (postgres), {@code --trials}
 * per configuration (3000). It works in a fresh schema and drops it afterwards.
 */
final class QueueThroughput {

    /** reference.md §3: Optuna's RDB storage on PostgreSQL 15, no-op objective, trials/s. */
    static final double OPTUNA_ONE_PROCESS = 34.3;

    static final double OPTUNA_TWO_PROCESSES = 60.3;
    static final double OPTUNA_EIGHT_PROCESSES = 45.6;
    /** Claims each process makes before the measurement, so the JIT has compiled the claim path. */
    static final int WARM_UP_TRIALS = 2000;

    private QueueThroughput() {}

    record Options(String url, String user, int trials) {

        static Options parse(String[] args) {
            String env = System.getenv("ANNEAL_BENCH_DB_URL");
            String url = env != null ? env : "jdbc:postgresql://127.0.0.1:5432/test";
            String user = "postgres";
            int trials = 3000;
            for (int i = 0; i + 1 < args.length; i += 2) {
                switch (args[i]) {
                    case "--url" -> url = args[i + 1];
                    case "--user" -> user = args[i + 1];
                    case "--trials" -> trials = Integer.parseInt(args[i + 1]);
                    case "--child" -> {}
                    default -> {}
                }
            }
            return new Options(url, user, trials);
        }
    }

    public static void main(String[] args) throws Exception {
        if (Arrays.asList(args).contains("--child")) {
            child(args);
            return;
        }
        Options o = Options.parse(args);
        String schema = "anneal_bench_" + System.currentTimeMillis();
        try (HikariDataSource admin = dataSource(o.url(), o.user(), null, 2)) {
            JdbcClient.create(admin).sql("create schema " + schema).update();
            try {
                Flyway.configure()
                        .dataSource(admin)
                        .schemas(schema)
                        .defaultSchema(schema)
                        .load()
                        .migrate();
                run(o, schema);
            } finally {
                JdbcClient.create(admin)
                        .sql("drop schema " + schema + " cascade")
                        .update();
            }
        }
    }

    private static void run(Options o, String schema) throws Exception {
        System.out.printf("no-op trials through the queue on %s, %d per configuration%n", o.url(), o.trials());
        // long-running workers have compiled their claim path; so does this process before measuring
        try (HikariDataSource ds = dataSource(o.url(), o.user(), schema, 2)) {
            JdbcClient jdbc = JdbcClient.create(ds);
            long warm = queueTrials(jdbc, WARM_UP_TRIALS);
            drain(new TrialQueue(jdbc), "warm-up");
            finishJob(jdbc, warm, WARM_UP_TRIALS);
        }
        System.out.printf(
                "%-22s %10s %12s %12s %16s %8s%n",
                "workers", "trials/s", "claim p50", "claim p99", "Optuna RDB", "ratio");
        for (int threads : new int[] {1, 2, 8}) {
            Result r = inProcess(o, schema, threads);
            report(
                    threads + " thread(s), 1 process",
                    r,
                    threads == 1 ? OPTUNA_ONE_PROCESS : threads == 2 ? OPTUNA_TWO_PROCESSES : OPTUNA_EIGHT_PROCESSES);
        }
        for (int processes : new int[] {2, 8}) {
            Result r = inProcesses(o, schema, processes);
            report(processes + " processes", r, processes == 2 ? OPTUNA_TWO_PROCESSES : OPTUNA_EIGHT_PROCESSES);
        }
        System.out.println(
                "(Optuna: its RDB storage on PostgreSQL 15, no-op objective, 1 / 2 / 8 processes; ratio = ours / theirs)");
    }

    record Result(double trialsPerSecond, double p50Millis, double p99Millis) {}

    private static void report(String label, Result r, double optuna) {
        System.out.printf(
                "%-22s %10.0f %10.2f ms %10.2f ms %16.1f %7.1fx%n",
                label, r.trialsPerSecond(), r.p50Millis(), r.p99Millis(), optuna, r.trialsPerSecond() / optuna);
    }

    private static Result inProcess(Options o, String schema, int threads) throws Exception {
        try (HikariDataSource ds = dataSource(o.url(), o.user(), schema, threads + 1)) {
            JdbcClient jdbc = JdbcClient.create(ds);
            long job = queueTrials(jdbc, o.trials());
            TrialQueue queue = new TrialQueue(jdbc);
            List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String id = "bench-" + t;
                Thread w = new Thread(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    latencies.addAll(drain(queue, id));
                });
                w.start();
                workers.add(w);
            }
            long begin = System.nanoTime();
            start.countDown();
            for (Thread w : workers) {
                w.join();
            }
            double seconds = (System.nanoTime() - begin) / 1e9;
            finishJob(jdbc, job, o.trials());
            return result(o.trials(), seconds, latencies);
        }
    }

    private static Result inProcesses(Options o, String schema, int processes) throws Exception {
        try (HikariDataSource ds = dataSource(o.url(), o.user(), schema, 2)) {
            JdbcClient jdbc = JdbcClient.create(ds);
            long warm = queueTrials(jdbc, WARM_UP_TRIALS * processes);
            long job = queueTrials(jdbc, o.trials());
            // the measured job stays QUEUED (unclaimable) until every child has warmed up on the
            // other one and waits
            jdbc.sql("update job set state = 'QUEUED' where id = :id")
                    .param("id", job)
                    .update();
            String java = ProcessHandle.current().info().command().orElse("java");
            List<Process> children = new ArrayList<>();
            for (int p = 0; p < processes; p++) {
                children.add(new ProcessBuilder(JvmCommand.self(
                                java,
                                System.getProperty("java.class.path"),
                                "queue",
                                "--child",
                                "--url",
                                o.url(),
                                "--user",
                                o.user(),
                                "--schema",
                                schema,
                                "--id",
                                "p" + p,
                                "--job",
                                Long.toString(job)))
                        .redirectErrorStream(true)
                        .start());
            }
            List<BufferedReader> outputs = new ArrayList<>();
            for (Process c : children) {
                BufferedReader out = new BufferedReader(new InputStreamReader(c.getInputStream()));
                for (String line; (line = out.readLine()) != null && !line.equals("READY"); ) {
                    // child start-up output
                }
                outputs.add(out);
            }
            finishJob(jdbc, warm, WARM_UP_TRIALS * processes);
            long begin = System.nanoTime();
            jdbc.sql("update job set state = 'RUNNING' where id = :id")
                    .param("id", job)
                    .update();
            List<Long> latencies = new ArrayList<>();
            for (BufferedReader out : outputs) {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.startsWith("LATENCIES ")) {
                        for (String v : line.substring(10).split(",")) {
                            if (!v.isEmpty()) {
                                latencies.add(Long.parseLong(v));
                            }
                        }
                    }
                }
            }
            long end = System.nanoTime();
            for (Process c : children) {
                c.waitFor();
            }
            finishJob(jdbc, job, o.trials());
            return result(o.trials(), (end - begin) / 1e9, latencies);
        }
    }

    /**
     * One worker process of {@link #inProcesses}: warms up on the warm-up job, waits for the
     * measured one, drains the queue and prints its claim latencies.
     */
    private static void child(String[] args) throws Exception {
        String url = value(args, "--url");
        String schema = value(args, "--schema");
        try (HikariDataSource ds = dataSource(url, value(args, "--user"), schema, 2)) {
            TrialQueue queue = new TrialQueue(JdbcClient.create(ds));
            JdbcClient jdbc = JdbcClient.create(ds);
            drain(queue, value(args, "--id")); // the warm-up job
            System.out.println("READY");
            System.out.flush();
            long job = Long.parseLong(value(args, "--job"));
            while (jdbc.sql("select count(*) from job where id = :job and state = 'RUNNING'")
                            .param("job", job)
                            .query(Long.class)
                            .single()
                    == 0) {
                Thread.sleep(1);
            }
            List<Long> latencies = drain(queue, value(args, "--id"));
            StringBuilder line = new StringBuilder("LATENCIES ");
            latencies.forEach(l -> line.append(l).append(','));
            System.out.println(line);
        }
    }

    /** Claims and completes until the queue is empty; returns each claim's latency in microseconds. */
    private static List<Long> drain(TrialQueue queue, String workerId) {
        List<Long> latencies = new ArrayList<>();
        while (true) {
            long t = System.nanoTime();
            List<ClaimedTrial> claimed = queue.claim(workerId, 1);
            latencies.add((System.nanoTime() - t) / 1000);
            if (claimed.isEmpty()) {
                return latencies.subList(0, latencies.size() - 1);
            }
            queue.complete(claimed.get(0).lease(), 0.5, 1, null);
        }
    }

    private static long queueTrials(JdbcClient jdbc, int trials) {
        long job = jdbc.sql("""
                insert into job (name, state, spec, algorithm, objective_metric, direction, max_trials, parallelism)
                values ('queue-bench', 'RUNNING', '{}'::jsonb, 'random', 'value', 'MINIMIZE', :n, :n)
                returning id
                """).param("n", trials).query(Long.class).single();
        jdbc.sql("""
                insert into trial (job_id, number, state, params)
                select :job, n, 'QUEUED', '{}'::jsonb from generate_series(0, :n - 1) n
                """).param("job", job).param("n", trials).update();
        return job;
    }

    private static void finishJob(JdbcClient jdbc, long job, int expected) {
        long completed = jdbc.sql(
                        "select count(*) from trial where job_id = :job and state = 'COMPLETED' and attempt = 1")
                .param("job", job)
                .query(Long.class)
                .single();
        if (completed != expected) {
            throw new IllegalStateException("expected " + expected + " trials completed once, found " + completed);
        }
        jdbc.sql("update job set state = 'COMPLETED' where id = :job")
                .param("job", job)
                .update();
    }

    private static Result result(int trials, double seconds, List<Long> micros) {
        long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Result(
                trials / seconds,
                sorted[sorted.length / 2] / 1000.0,
                sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] / 1000.0);
    }

    private static HikariDataSource dataSource(String url, String user, String schema, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(schema == null ? url : url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        config.setUsername(user);
        config.setMaximumPoolSize(size);
        return new HikariDataSource(config);
    }

    private static String value(String[] args, String name) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        throw new IllegalArgumentException("missing " + name);
    }
}
