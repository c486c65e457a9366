package dev.anneal.bench.multiobjective;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Optuna's medians from {@code ../shared/bench/multiobjective.md}: the hypervolume-gap tables
 * ("### problem", then rows "| trials | median [p25, p75] | ..." under a header naming the
 * samplers) and the suggestion-latency table.
 */
final class MoPeerTables {

    /** Our algorithm names against the peer's column names. */
    static final Map<String, String> PEER_OF =
            Map.of("bayesian", "GPSampler", "tpe", "TPE", "nsga2", "NSGA-II", "random", "random");

    private static final Pattern HEADING = Pattern.compile("^### (\\w+)\\s*$");
    private static final Pattern NUMBER = Pattern.compile("^\\s*([0-9.eE+-]+)");

    private final Map<String, Double> gaps = new HashMap<>();
    private final Map<String, Double> latency = new HashMap<>();

    static MoPeerTables load() {
        MoPeerTables tables = new MoPeerTables();
        Path file = locate();
        if (file == null) {
            System.err.println("../shared/bench/multiobjective.md not found: no peer numbers");
            return tables;
        }
        try {
            tables.parse(Files.readAllLines(file));
        } catch (IOException e) {
            System.err.println("could not read " + file + ": " + e.getMessage());
        }
        return tables;
    }

    private void parse(List<String> lines) {
        String problem = null;
        List<String> header = null;
        boolean latencyTable = false;
        for (String line : lines) {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                problem = heading.group(1);
                header = null;
                continue;
            }
            if (line.startsWith("## ")) {
                latencyTable = line.contains("latency");
                problem = null;
                header = null;
                continue;
            }
            if (!line.startsWith("|") || line.startsWith("|---")) {
                continue;
            }
            List<String> cells = cells(line);
            if (cells.get(0).equals("trials") || cells.get(0).equals("problem")) {
                header = cells;
                continue;
            }
            if (header == null) {
                continue;
            }
            List<String> columns = header;
            if (latencyTable && cells.size() == header.size()) {
                for (int c = 2; c < cells.size(); c++) {
                    int column = c;
                    number(cells.get(c))
                            .ifPresent(v -> latency.put(key(cells.get(0), columns.get(column), cells.get(1)), v));
                }
            } else if (problem != null) {
                for (int c = 1; c < cells.size() && c < header.size(); c++) {
                    int column = c;
                    String p = problem;
                    number(cells.get(c)).ifPresent(v -> gaps.put(key(p, columns.get(column), cells.get(0)), v));
                }
            }
        }
    }

    Optional<Double> gap(String problem, String algorithm, int trials) {
        return Optional.ofNullable(gaps.get(key(problem, PEER_OF.getOrDefault(algorithm, algorithm), "" + trials)));
    }

    Optional<Double> latency(String problem, String algorithm, int trials) {
        return Optional.ofNullable(latency.get(key(problem, PEER_OF.getOrDefault(algorithm, algorithm), "" + trials)));
    }

    private static String key(String problem, String peer, String trials) {
        return problem + "/" + peer + "/" + trials;
    }

    private static List<String> cells(String line) {
        String[] parts = line.split("\\|");
        return java.util.Arrays.stream(parts, 1, parts.length).map(String::trim).toList();
    }

    private static Optional<Double> number(String cell) {
        Matcher m = NUMBER.matcher(cell);
        return m.find() ? Optional.of(Double.parseDouble(m.group(1))) : Optional.empty();
    }

    private static Path locate() {
        return dev.anneal.bench.SharedBenchFiles.locate("multiobjective.md", "ANNEAL_BENCH_MULTIOBJECTIVE");
    }
}
