package dev.anneal.bench;

import dev.anneal.db.testing.SharedDatasets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The peer side of {@code e2e}: Optuna TPE driving PyTorch on digits, run by the Python scripts
 * of {@code ../shared/bench/peers} (the study of reference.md section 5) and this repository's
 * {@code bench/peers} (the same study with Optuna's SuccessiveHalvingPruner), each in its own
 * process, as a user of that stack runs it. The scripts time themselves from study creation to
 * their last trial, so Python's start-up and imports are excluded, as the server's start is on
 * Anneal's side.
 */
final class PeerStudy {

    static final String STUDY_SCRIPT = "optuna_torch_digits.py";
    static final String PRUNED_SCRIPT = "optuna_torch_digits_pruned.py";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String python;
    private final Path study;
    private final Path pruned;
    private final Path digits;
    private final String versions;

    private PeerStudy(String python, Path study, Path pruned, Path digits, String versions) {
        this.python = python;
        this.study = study;
        this.pruned = pruned;
        this.digits = digits;
        this.versions = versions;
    }

    /**
     * The peer, or empty (with the reason printed) when its scripts, the digits CSV or the
     * interpreter's packages are missing, so that the benchmark can run Anneal alone.
     */
    static Optional<PeerStudy> locate(String python) {
        Optional<Path> shared = sharedPeers();
        Path pruned = Path.of("bench", "peers", PRUNED_SCRIPT);
        if (shared.isEmpty() || !Files.isRegularFile(pruned)) {
            System.out.println("peer: not run: " + STUDY_SCRIPT + " not found (set ANNEAL_BENCH_PEERS to the"
                    + " directory holding it, e.g. ../shared/bench/peers) or " + pruned
                    + " not found (run from the checkout's root)");
            return Optional.empty();
        }
        Path digits;
        try {
            digits = SharedDatasets.path("digits.csv");
        } catch (IllegalStateException e) {
            System.out.println("peer: not run: " + e.getMessage());
            return Optional.empty();
        }
        String versions;
        try {
            versions = run(List.of(
                            python,
                            "-c",
                            "import optuna, torch, sklearn; print('Optuna %s, PyTorch %s, scikit-learn %s'"
                                    + " % (optuna.__version__, torch.__version__, sklearn.__version__))"))
                    .get(0);
        } catch (IOException | IllegalStateException e) {
            System.out.println("peer: not run: " + python + " cannot import optuna, torch and sklearn ("
                    + String.valueOf(e.getMessage()).lines().reduce((a, b) -> b).orElse("") + ").\n"
                    + "  Install Debian's packages: sudo apt-get install python3-optuna python3-torch"
                    + " python3-sklearn\n  (or pass --python with an interpreter that has them); running Anneal"
                    + " alone.");
            return Optional.empty();
        }
        return Optional.of(new PeerStudy(python, shared.get().resolve(STUDY_SCRIPT), pruned, digits, versions));
    }

    /** ANNEAL_BENCH_PEERS, else the nearest ancestor's {@code shared/bench/peers}. */
    private static Optional<Path> sharedPeers() {
        String env = System.getenv("ANNEAL_BENCH_PEERS");
        if (env != null && !env.isBlank()) {
            return Optional.of(Path.of(env)).filter(d -> Files.isRegularFile(d.resolve(STUDY_SCRIPT)));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("bench").resolve("peers");
            if (Files.isRegularFile(candidate.resolve(STUDY_SCRIPT))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    String describe() {
        return python + " " + study + " and " + pruned + " (" + versions + "), data " + digits;
    }

    /** The section-5 study; its summary line: {@code {seed, trials, seconds, best}}. */
    Result study(int seed, int trials, int parallel) throws IOException {
        List<String> out = run(List.of(
                python,
                study.toString(),
                "--data",
                digits.toString(),
                "--trials",
                Integer.toString(trials),
                "--seed",
                Integer.toString(seed),
                "--parallel",
                Integer.toString(parallel)));
        JsonNode summary = JSON.readTree(out.get(out.size() - 1));
        return new Result(
                summary.path("seconds").asDouble(),
                summary.path("best").asDouble(Double.NaN),
                summary.path("trials").asInt(),
                Double.NaN,
                0,
                0,
                List.of());
    }

    /**
     * The study with SuccessiveHalvingPruner, stopped once a completed trial reaches {@code
     * target}; {@code targetSeconds} is when it finished (NaN if none did).
     */
    Result toTarget(int seed, int maxTrials, int parallel, double target) throws IOException {
        List<String> out = run(List.of(
                python,
                pruned.toString(),
                "--data",
                digits.toString(),
                "--trials",
                Integer.toString(maxTrials),
                "--seed",
                Integer.toString(seed),
                "--parallel",
                Integer.toString(parallel),
                "--target",
                Double.toString(target)));
        JsonNode summary = JSON.readTree(out.get(out.size() - 1));
        double reached = summary.path("targetSeconds").isNumber()
                ? summary.path("targetSeconds").asDouble()
                : Double.NaN;
        int pruned = 0;
        int finishedBy = 0;
        List<TrialTime> times = new ArrayList<>();
        for (String line : out.subList(0, out.size() - 1)) {
            JsonNode trial = JSON.readTree(line);
            boolean wasPruned = trial.path("state").asString().equals("PRUNED");
            pruned += wasPruned ? 1 : 0;
            finishedBy += Double.isNaN(reached) || trial.path("seconds").asDouble() <= reached ? 1 : 0;
            times.add(new TrialTime(
                    wasPruned,
                    trial.path("epochs").asInt(),
                    trial.path("duration").asDouble()));
        }
        return new Result(
                summary.path("seconds").asDouble(),
                summary.path("best").asDouble(Double.NaN),
                summary.path("trials").asInt(),
                reached,
                pruned,
                finishedBy,
                times);
    }

    /**
     * One peer study: seconds, best value, trials it ran; with a target, the seconds to it (NaN if
     * never reached), pruned trials, trials finished by then and each finished trial's duration.
     */
    record Result(
            double seconds,
            double best,
            int trials,
            double targetSeconds,
            int pruned,
            int trialsBy,
            List<TrialTime> trialTimes) {}

    /** How long one finished trial held its slot, whether it was pruned, and after how many epochs. */
    record TrialTime(boolean pruned, int epochs, double seconds) {}

    /** Runs a command to its end; its standard output's lines, or its error output as the exception. */
    private static List<String> run(List<String> command) throws IOException {
        Path err = Files.createTempFile("anneal-bench-peer", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
            List<String> lines = new ArrayList<>();
            try (var reader = p.inputReader(StandardCharsets.UTF_8)) {
                reader.lines().forEach(lines::add);
            }
            int exit = p.waitFor();
            if (exit != 0 || lines.isEmpty()) {
                throw new IllegalStateException(String.join(" ", command) + " exited " + exit + ": "
                        + Files.readString(err).strip());
            }
            return lines;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
