package dev.anneal.bench.search;

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
 * The peer numbers of {@code ../shared/bench/reference.md}, read from the file itself so that
 * the table printed beside ours is never a stale hand copy. Keys: function, peer sampler
 * ({@code tpe}, {@code optuna_gp}, ...), budget; values: median regret.
 */
final class ReferenceTables {

    private static final Pattern HEADING = Pattern.compile("^### (\\w+)\\s*$");
    private static final Pattern CELL_MEDIAN = Pattern.compile("^\\s*([0-9.eE+-]+)");
    private static final Pattern GP_LATENCY = Pattern.compile("([0-9.]+) ms / ([0-9.]+) ms");
    private static final Pattern LATENCY_COLUMN = Pattern.compile("(\\w+) n=(\\d+)");
    private static final String LATENCY_TABLE = "<latency>";

    private List<String> latencyColumns = List.of();

    private final Map<String, Double> medians = new HashMap<>();
    private final Map<String, Double> latencies = new HashMap<>();

    private ReferenceTables() {}

    static ReferenceTables load(Path file) {
        ReferenceTables tables = new ReferenceTables();
        if (file == null || !Files.isRegularFile(file)) {
            return tables;
        }
        try {
            tables.parse(Files.readAllLines(file));
        } catch (IOException e) {
            System.err.println("could not read " + file + ": " + e.getMessage());
        }
        return tables;
    }

    static Path locate() {
        return dev.anneal.bench.SharedBenchFiles.locate("reference.md", "ANNEAL_BENCH_REFERENCE");
    }

    Optional<Double> median(String function, String peer, int budget) {
        return Optional.ofNullable(medians.get(function + "/" + peer + "/" + budget));
    }

    boolean isEmpty() {
        return medians.isEmpty();
    }

    /**
     * A peer's mean suggestion latency in ms: {@code optuna_gp} or {@code wandb_bayes} at 50 or
     * 100 observations (section 1b), {@code tpe} or {@code tpe_mv} at 50, 100 or 200 (section 2).
     */
    Optional<Double> latencyMillis(String function, String peer, int observations) {
        return Optional.ofNullable(latencies.get(function + "/" + peer + "/" + observations));
    }

    private void parseLatencyHeader(String[] cells) {
        latencyColumns = new java.util.ArrayList<>();
        for (int i = 2; i < cells.length; i++) {
            latencyColumns.add(cells[i].trim());
        }
    }

    private void parseLatencyRow(String[] cells) {
        if (cells.length < 3 || cells[1].trim().startsWith("---")) {
            return;
        }
        String function = cells[1].trim();
        for (int i = 2; i < cells.length && i - 2 < latencyColumns.size(); i++) {
            Matcher column = LATENCY_COLUMN.matcher(latencyColumns.get(i - 2));
            Matcher value = CELL_MEDIAN.matcher(cells[i]);
            if (column.matches() && value.find()) {
                latencies.put(
                        function + "/" + column.group(1) + "/" + column.group(2), Double.parseDouble(value.group(1)));
            }
        }
    }

    private void parse(List<String> lines) {
        String function = null;
        List<Integer> budgets = null;
        for (String line : lines) {
            if (line.startsWith("## ")) {
                function = null;
                latencyColumns = List.of();
            }
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                function = heading.group(1);
                budgets = null;
                continue;
            }
            if (!line.startsWith("|")) {
                continue;
            }
            String[] cells = line.split("\\|");
            if (cells.length > 2 && cells[1].trim().equals("function")) {
                parseLatencyHeader(cells);
                function = LATENCY_TABLE;
                budgets = null;
                continue;
            }
            if (function == null) {
                continue;
            }
            if (LATENCY_TABLE.equals(function)) {
                parseLatencyRow(cells);
                continue;
            }
            if (cells.length > 2 && cells[1].trim().equals("sampler")) {
                budgets = new java.util.ArrayList<>();
                for (int i = 2; i < cells.length; i++) {
                    String c = cells[i].trim();
                    budgets.add(c.startsWith("B=") ? Integer.parseInt(c.substring(2)) : -1);
                }
                continue;
            }
            if (budgets == null || cells.length < 3 || cells[1].trim().startsWith("---")) {
                continue;
            }
            String peer = cells[1].trim();
            Matcher gpLatency = GP_LATENCY.matcher(cells[cells.length - 1]);
            if (gpLatency.find()) {
                latencies.put(function + "/" + peer + "/50", Double.parseDouble(gpLatency.group(1)));
                latencies.put(function + "/" + peer + "/100", Double.parseDouble(gpLatency.group(2)));
            }
            for (int i = 2; i < cells.length && i - 2 < budgets.size(); i++) {
                int budget = budgets.get(i - 2);
                Matcher m = CELL_MEDIAN.matcher(cells[i]);
                if (budget > 0 && m.find()) {
                    medians.put(function + "/" + peer + "/" + budget, Double.parseDouble(m.group(1)));
                }
            }
        }
    }
}
