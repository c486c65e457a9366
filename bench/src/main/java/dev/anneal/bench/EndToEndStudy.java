package dev.anneal.bench;

import static dev.anneal.bench.BenchServer.option;

import dev.anneal.bench.search.Stats;
import dev.anneal.bench.training.LoadAverage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code e2e}: the tuning study a user times, side by side with Optuna TPE driving PyTorch
 * (reference.md section 5, issue 16): digits, a 2-hidden-layer MLP, 5 searched parameters, 20
 * epochs, 30 trials, 2 in flight. For each seed the peer runs first, then Anneal, in the same
 * run, so both see the same machine. Anneal is the server as a user starts it ({@code
 * bin/anneal-server}: embedded PostgreSQL, default settings), started after the peer's first
 * study and given its first job the moment it is healthy: that row is the first job after a
 * start; the other seeds run on the warm server.
 *
 * <p>Second table, time to a good model: the same study with {@code asha} (minEpochs 1,
 * reductionFactor 3) on Anneal and Optuna's SuccessiveHalvingPruner with the same settings on
 * the peer ({@code bench/peers/optuna_torch_digits_pruned.py}), each stopped once a completed
 * trial reaches {@code --target}; the seconds until that trial finished.
 *
 * <p>Options: {@code --seeds 3} (0..n-1), {@code --trials 30}, {@code --python /usr/bin/python3},
 * {@code --target 0.98}, {@code --target-trials 100} (the pruned studies' cap), {@code --parts
 * study,target}, {@code --launch script|jar}, {@code --url URL --token T} (a running server:
 * then no row is a first job after a start).
 */
final class EndToEndStudy {

    private static final int PARALLEL = 2;
    private static final String ASHA = "{ \"type\": \"asha\", \"minEpochs\": 1, \"reductionFactor\": 3 }";

    private EndToEndStudy() {}

    public static void main(String[] args) throws Exception {
        int seeds = Integer.parseInt(option(args, "--seeds", "3"));
        int trials = Integer.parseInt(option(args, "--trials", "30"));
        String python = option(args, "--python", "/usr/bin/python3");
        double target = Double.parseDouble(option(args, "--target", "0.98"));
        int targetTrials = Integer.parseInt(option(args, "--target-trials", "100"));
        List<String> parts =
                Arrays.asList(option(args, "--parts", "study,target").split(","));
        boolean fresh = option(args, "--url", null) == null;

        System.out.printf(
                Locale.ROOT,
                "e2e: digits MLP study of reference.md section 5 (%d trials, %d in flight, 20 epochs, tpe), seeds"
                        + " 0..%d; load average %s (1/5/15 min) on %d cores%n",
                trials,
                PARALLEL,
                seeds - 1,
                LoadAverage.now(),
                Runtime.getRuntime().availableProcessors());
        Optional<PeerStudy> peer = PeerStudy.locate(python);
        peer.ifPresent(p -> System.out.println("peer: " + p.describe()));

        // The peer's first study runs before the server starts, so that Anneal's first job is
        // posted the moment the server is healthy, as a user who starts it and submits one.
        PeerStudy.Result firstPeer =
                parts.contains("study") && peer.isPresent() ? peer.get().study(0, trials, PARALLEL) : null;
        long startNanos = System.nanoTime();
        try (BenchServer server = BenchServer.asUsersStartIt(args)) {
            System.out.printf(
                    Locale.ROOT,
                    "anneal: %s, %s%n",
                    server.url(),
                    fresh
                            ? String.format(
                                    Locale.ROOT,
                                    "started with %s (embedded PostgreSQL, default settings), healthy after %.1f s",
                                    option(args, "--launch", "script").equals("jar")
                                            ? "java -jar api/target/anneal.jar"
                                            : "bin/anneal-server",
                                    (System.nanoTime() - startNanos) / 1e9)
                            : "already running (--url): no row is a first job after a start");
            AnnealStudy anneal = new AnnealStudy(server.url());
            if (parts.contains("study")) {
                studies(peer, anneal, firstPeer, seeds, trials, fresh);
            }
            if (parts.contains("target")) {
                toTarget(peer, anneal, seeds, targetTrials, target, parts.contains("study") || !fresh);
            }
        }
        System.out.println("load average at the end: " + LoadAverage.now());
    }

    private static void studies(
            Optional<PeerStudy> peer,
            AnnealStudy anneal,
            PeerStudy.Result firstPeer,
            int seeds,
            int trials,
            boolean fresh)
            throws Exception {
        System.out.println();
        System.out.println("Whole study: seconds from study creation (peer) / POST /api/v1/jobs (Anneal) to the last"
                + " trial / the job seen COMPLETED; best = best trial's best-epoch val_accuracy");
        System.out.println("| seed | Optuna + PyTorch s | best | Anneal s | best | Anneal / peer |"
                + " Anneal job s (server clock) | Anneal mean trial s | load (1 min) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        double firstRatio = Double.NaN;
        List<Double> warmRatios = new ArrayList<>();
        List<Double> peerBests = new ArrayList<>();
        List<Double> annealBests = new ArrayList<>();
        for (int seed = 0; seed < seeds; seed++) {
            PeerStudy.Result p =
                    seed == 0 ? firstPeer : peer.isPresent() ? peer.get().study(seed, trials, PARALLEL) : null;
            AnnealStudy.Study a = anneal.study(seed, trials);
            double ratio = p == null ? Double.NaN : a.seconds() / p.seconds();
            boolean first = seed == 0 && fresh;
            if (first) {
                firstRatio = ratio;
            } else {
                warmRatios.add(ratio);
            }
            if (p != null) {
                peerBests.add(p.best());
            }
            annealBests.add(a.best());
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %s | %s | %.1f | %.4f%s | %s | %.1f | %.2f | %s |%n",
                    first ? seed + " (first job after start)" : Integer.toString(seed),
                    p == null ? "-" : String.format(Locale.ROOT, "%.1f", p.seconds()),
                    p == null ? "-" : String.format(Locale.ROOT, "%.4f", p.best()),
                    a.seconds(),
                    a.best(),
                    a.state().equals("COMPLETED") ? "" : " (" + a.state() + ")",
                    times(ratio),
                    a.jobSeconds(),
                    a.meanTrialSeconds(),
                    LoadAverage.now().split(" ")[0]);
        }
        if (peer.isPresent()) {
            System.out.printf(
                    Locale.ROOT,
                    "median Anneal / peer, warm server (%d seeds): %s (target <= 1.0x); first job after start: %s"
                            + " (target <= 1.3x)%n",
                    warmRatios.size(),
                    times(median(warmRatios)),
                    fresh ? times(firstRatio) : "not measured (--url)");
            System.out.printf(
                    Locale.ROOT,
                    "median best val_accuracy: peer %.4f, Anneal %.4f (one validation row is %.4f)%n",
                    median(peerBests),
                    median(annealBests),
                    1.0 / 360);
        }
    }

    private static void toTarget(
            Optional<PeerStudy> peer, AnnealStudy anneal, int seeds, int maxTrials, double target, boolean serverWarm)
            throws Exception {
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "Time to a good model: seconds until a completed trial reaches val_accuracy >= %.2f; Anneal with"
                        + " pruner %s, the peer with SuccessiveHalvingPruner(min_resource=1, reduction_factor=3);"
                        + " at most %d trials, stopped at the target%n",
                target,
                ASHA,
                maxTrials);
        if (!serverWarm) {
            System.out.println("(no whole-study rows before these: seed 0 is the server's first job after its start)");
        }
        System.out.println("| seed | Optuna + PyTorch s to target | trials by then (pruned in all) | best |"
                + " Anneal s to target | trials by then (pruned in all) | best | Anneal / peer | load (1 min) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        List<Double> ratios = new ArrayList<>();
        List<PeerStudy.TrialTime> peerTimes = new ArrayList<>();
        List<PeerStudy.TrialTime> annealTimes = new ArrayList<>();
        for (int seed = 0; seed < seeds; seed++) {
            PeerStudy.Result p = peer.isPresent() ? peer.get().toTarget(seed, maxTrials, PARALLEL, target) : null;
            AnnealStudy.ToTarget a = anneal.toTarget(seed, maxTrials, ASHA, target);
            if (p != null) {
                peerTimes.addAll(p.trialTimes());
            }
            annealTimes.addAll(a.trialTimes());
            double ratio = p == null ? Double.NaN : a.seconds() / p.targetSeconds();
            if (!Double.isNaN(ratio)) {
                ratios.add(ratio);
            }
            System.out.printf(
                    Locale.ROOT,
                    "| %d | %s | %s | %s | %s | %d of %d (%d) | %.4f | %s | %s |%n",
                    seed,
                    p == null ? "-" : reached(p.targetSeconds()),
                    p == null ? "-" : p.trialsBy() + " of " + p.trials() + " (" + p.pruned() + ")",
                    p == null ? "-" : String.format(Locale.ROOT, "%.4f", p.best()),
                    reached(a.seconds()),
                    a.trialsBy(),
                    a.trials(),
                    a.pruned(),
                    a.best(),
                    times(ratio),
                    LoadAverage.now().split(" ")[0]);
        }
        if (peer.isPresent()) {
            System.out.printf(
                    Locale.ROOT,
                    "median Anneal / peer time to %.2f (%d seeds where both reached it): %s (target <= 0.7x)%n",
                    target,
                    ratios.size(),
                    times(median(ratios)));
        }
        // Where a pruned study's time goes: most trials stop at the first rung, so what a trial
        // costs to start plus one epoch is most of it.
        System.out.printf(
                Locale.ROOT,
                "median seconds a trial held its slot, all seeds: pruned after 1 epoch: peer %s, Anneal %s;"
                        + " completed (20 epochs): peer %s, Anneal %s%n",
                medianSeconds(peerTimes, true),
                medianSeconds(annealTimes, true),
                medianSeconds(peerTimes, false),
                medianSeconds(annealTimes, false));
    }

    /** Median duration of the trials pruned after one epoch, or of the completed ones, with their count. */
    private static String medianSeconds(List<PeerStudy.TrialTime> times, boolean prunedAfterOne) {
        List<Double> seconds = times.stream()
                .filter(t -> prunedAfterOne ? t.pruned() && t.epochs() == 1 : !t.pruned())
                .map(PeerStudy.TrialTime::seconds)
                .toList();
        return seconds.isEmpty()
                ? "-"
                : String.format(Locale.ROOT, "%.2f (%d trials)", median(seconds), seconds.size());
    }

    private static String reached(double seconds) {
        return Double.isNaN(seconds) ? "never" : String.format(Locale.ROOT, "%.1f", seconds);
    }

    private static String times(double ratio) {
        return Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.2fx", ratio);
    }

    private static double median(List<Double> values) {
        double[] finite = values.stream()
                .mapToDouble(Double::doubleValue)
                .filter(v -> !Double.isNaN(v))
                .toArray();
        return finite.length == 0 ? Double.NaN : Stats.median(finite);
    }
}
