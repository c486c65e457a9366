package dev.anneal.bench.training;

import dev.anneal.data.CsvTableReader;
import dev.anneal.db.testing.SharedDatasets;
import dev.anneal.spec.Algorithm;
import dev.anneal.spec.JobSpec;
import dev.anneal.spec.ModelFamily;
import dev.anneal.spec.ValidationScheme;
import dev.anneal.spec.catalog.TrialParams;
import dev.anneal.worker.config.Nd4jThreads;
import dev.anneal.worker.prepare.DataPreparation;
import dev.anneal.worker.prepare.PreparationOptions;
import dev.anneal.worker.prepare.PreparedData;
import dev.anneal.worker.train.SupervisedTrainer;
import dev.anneal.worker.train.TrainingMonitor;
import dev.anneal.worker.train.TrainingResult;
import dev.anneal.worker.train.TrainingWarmUp;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code trial-profile}: where a digits MLP trial's time goes, phase by phase, on the path a worker
 * runs ({@link DataPreparation} as the worker prepares a job, {@link SupervisedTrainer#train} with
 * its network build, epochs, validation and model zip), without the database. Runs the section-5
 * study's kind of trial (2 hidden ReLU layers, Adam, dropout, L2, 20 epochs) for a few shapes,
 * interleaved in rounds, one or two trials at a time, with ND4J limited to one thread per trial
 * as the worker limits it on a 2-core machine. The first trial of the JVM is printed on its own:
 * it is what the first job after a server start pays.
 *
 * <p>Per phase it prints wall milliseconds and the trial thread's CPU milliseconds (with one
 * OpenMP thread the native ops run on the calling thread, so the CPU figure is the work and the
 * wall figure adds what other processes took from this one). Phases: {@code setup} (network
 * build and input arrays: {@code train} to the first mini-batch), {@code epoch1} and {@code
 * epochN} (mean of the later epochs; mini-batches only), {@code eval} (validation output and
 * metrics, mean per epoch), {@code model} (the model zip after the last epoch), {@code total}.
 *
 * <p>Options: {@code --shapes 63@128,256@32,16@64} (units@batch), {@code --rounds 5}, {@code
 * --epochs 20}, {@code --parallel 1|2}, {@code --threads 1}, {@code --warm-up true} (run the worker's
 * start-up warm-up, {@link TrainingWarmUp}, before the first trial).
 */
public final class TrialProfile {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String[] PHASES = {"setup", "epoch1", "epochN", "eval", "model", "total"};

    private TrialProfile() {}

    record Shape(int units, int batch) {
        static Shape parse(String s) {
            String[] p = s.split("@");
            return new Shape(Integer.parseInt(p[0]), Integer.parseInt(p[1]));
        }

        @Override
        public String toString() {
            return "64-" + units + "-" + units + "-10 @" + batch;
        }
    }

    /** One trial's phase times, wall and thread CPU, in milliseconds. */
    record Phases(double[] wall, double[] cpu) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Options.parse(args);
        List<Shape> shapes = Arrays.stream(
                        o.getOrDefault("--shapes", "63@128,256@32,16@64").split(","))
                .map(Shape::parse)
                .toList();
        int rounds = Integer.parseInt(o.getOrDefault("--rounds", "5"));
        int epochs = Integer.parseInt(o.getOrDefault("--epochs", "20"));
        int parallel = Integer.parseInt(o.getOrDefault("--parallel", "1"));
        int threads = Integer.parseInt(o.getOrDefault("--threads", "1"));

        long t0 = System.nanoTime();
        Nd4jThreads.limit(threads);
        double nd4jMs = (System.nanoTime() - t0) / 1e6;
        t0 = System.nanoTime();
        JobSpec spec = spec();
        List<PreparedData> folds = DataPreparation.prepare(
                CsvTableReader.read(SharedDatasets.bytes("digits.csv")), spec, PreparationOptions.DEFAULT);
        double prepareMs = (System.nanoTime() - t0) / 1e6;
        String warmUp = "no warm-up";
        if (Boolean.parseBoolean(o.getOrDefault("--warm-up", "false"))) {
            warmUp = "the worker's warm-up took " + TrainingWarmUp.run() + " ms";
        }
        System.out.printf(
                "load average before: %s; ND4J load and thread limit %.0f ms; digits prepared in %.0f ms; %s;"
                        + " %d trial(s) at a time, %d ND4J thread(s) each, %d epochs%n",
                LoadAverage.now(), nd4jMs, prepareMs, warmUp, parallel, threads, epochs);

        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        Map<Shape, List<Phases>> results = new LinkedHashMap<>();
        Phases first = null;
        Shape firstShape = null;
        long seed = 0;
        long started = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            for (Shape shape : shapes) {
                List<Future<Phases>> running = new ArrayList<>();
                for (int p = 0; p < parallel; p++) {
                    long trialSeed = seed++;
                    running.add(pool.submit(() -> trial(folds, spec, shape, epochs, trialSeed)));
                }
                for (Future<Phases> f : running) {
                    Phases phases = f.get();
                    if (first == null) {
                        first = phases;
                        firstShape = shape;
                    } else {
                        results.computeIfAbsent(shape, k -> new ArrayList<>()).add(phases);
                    }
                }
            }
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;

        StringBuilder header = new StringBuilder(String.format("%-24s %3s", "trial (units@batch)", "n"));
        for (String phase : PHASES) {
            header.append(String.format(" %14s", phase));
        }
        System.out.println(header);
        System.out.println(row("first of JVM " + firstShape.batch() + "/" + firstShape.units(), List.of(first)));
        for (var e : results.entrySet()) {
            System.out.println(row(e.getKey().toString(), e.getValue()));
        }
        System.out.printf(
                "load average after: %s; %.1f s for all trials%n(milliseconds, median over trials: wall/CPU of the"
                        + " trial's thread; setup = network build and input arrays, epoch1 and epochN = the first"
                        + " and the mean later epoch's mini-batches, eval = validation per epoch, model = the"
                        + " model zip)%n",
                LoadAverage.now(), seconds);
    }

    private static String row(String name, List<Phases> trials) {
        StringBuilder row = new StringBuilder(String.format("%-24s %3d", name, trials.size()));
        for (int i = 0; i < PHASES.length; i++) {
            int phase = i;
            double wall =
                    ChildRun.median(trials.stream().map(t -> t.wall()[phase]).toList());
            double cpu =
                    ChildRun.median(trials.stream().map(t -> t.cpu()[phase]).toList());
            row.append(String.format(" %14s", String.format("%.1f/%.1f", wall, cpu)));
        }
        return row.toString();
    }

    /** One trial on the calling thread, timed at the trainer's hooks. */
    static Phases trial(List<PreparedData> folds, JobSpec spec, Shape shape, int epochs, long seed) {
        TrialParams params = new TrialParams(Map.of(
                "learningRate",
                1e-3,
                "batchSize",
                shape.batch(),
                "units",
                shape.units(),
                "dropout",
                0.2,
                "weightDecay",
                1e-4,
                "epochs",
                epochs,
                "hiddenLayers",
                2));
        Clock clock = new Clock();
        double[] wall = new double[PHASES.length];
        double[] cpu = new double[PHASES.length];
        TrainingMonitor monitor = new TrainingMonitor() {
            boolean started;

            @Override
            public boolean stopRequested() {
                if (!started) {
                    started = true;
                    clock.lap(wall, cpu, 0); // setup
                }
                return false;
            }

            @Override
            public void epochTrained(int e) {
                clock.lap(wall, cpu, e == 1 ? 1 : 2);
            }

            @Override
            public boolean afterEpoch(int e, Map<String, Double> metrics) {
                clock.lap(wall, cpu, 3);
                return true;
            }
        };
        TrainingResult result = SupervisedTrainer.train(folds, spec, params, seed, monitor);
        clock.lap(wall, cpu, 4);
        if (!(result instanceof TrainingResult.Finished)) {
            throw new IllegalStateException("trial did not finish: " + result);
        }
        wall[5] = clock.totalWall();
        cpu[5] = clock.totalCpu();
        wall[2] /= Math.max(1, epochs - 1);
        cpu[2] /= Math.max(1, epochs - 1);
        wall[3] /= epochs;
        cpu[3] /= epochs;
        return new Phases(wall, cpu);
    }

    /** Wall and thread-CPU laps, added to a phase's slot. */
    private static final class Clock {
        private final long wallStart = System.nanoTime();
        private final long cpuStart = THREADS.getCurrentThreadCpuTime();
        private long wall = wallStart;
        private long cpu = cpuStart;

        void lap(double[] wallMs, double[] cpuMs, int phase) {
            long w = System.nanoTime();
            long c = THREADS.getCurrentThreadCpuTime();
            wallMs[phase] += (w - wall) / 1e6;
            cpuMs[phase] += (c - cpu) / 1e6;
            wall = w;
            cpu = c;
        }

        double totalWall() {
            return (wall - wallStart) / 1e6;
        }

        double totalCpu() {
            return (cpu - cpuStart) / 1e6;
        }
    }

    /** The section-5 study's job: digits, classification, 20% stratified holdout, best epoch's accuracy. */
    static JobSpec spec() {
        return JobSpec.training(
                "label",
                JobSpec.CLASSIFICATION,
                List.of(),
                new JobSpec.ModelSpec(ModelFamily.MLP, null, null, null),
                new JobSpec.ObjectiveSpec("val_accuracy", dev.anneal.tuner.study.Direction.MAXIMIZE, "best"),
                new JobSpec.ValidationSpec(ValidationScheme.HOLDOUT, 0.2, null, null),
                new JobSpec.AlgorithmSpec(Algorithm.TPE, 0),
                null);
    }
}
