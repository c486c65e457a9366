package dev.anneal.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Infers a {@link DatasetProfile}: column types, missing counts, ranges and frequent values. */
public final class DatasetProfiler {

    /** Distinct values are counted up to this many; beyond it the profile says "more". */
    public static final int DISTINCT_CAP = 1000;

    private static final int TOP_VALUES = 10;

    private DatasetProfiler() {}

    public static DatasetProfile profile(CsvTable table) {
        List<ColumnProfile> columns = new ArrayList<>();
        for (Column column : table.columns()) {
            columns.add(column instanceof NumericColumn n ? numeric(n) : categorical((CategoricalColumn) column));
        }
        return new DatasetProfile(table.rowCount(), columns);
    }

    private static ColumnProfile numeric(NumericColumn column) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        int present = 0;
        Set<Double> distinct = new HashSet<>();
        boolean capped = false;
        for (double v : column.values()) {
            if (Double.isNaN(v)) {
                continue;
            }
            present++;
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
            if (!capped) {
                distinct.add(v);
                capped = distinct.size() > DISTINCT_CAP;
            }
        }
        Double mean = present == 0 ? null : sum / present;
        Double std = null;
        if (present > 1) {
            double squares = 0;
            for (double v : column.values()) {
                if (!Double.isNaN(v)) {
                    squares += (v - mean) * (v - mean);
                }
            }
            std = Math.sqrt(squares / (present - 1));
        }
        return new ColumnProfile(
                column.name(),
                ColumnProfile.NUMERIC,
                column.size() - present,
                Math.min(distinct.size(), DISTINCT_CAP),
                capped,
                present == 0 ? null : min,
                present == 0 ? null : max,
                mean,
                std,
                null);
    }

    private static ColumnProfile categorical(CategoricalColumn column) {
        Map<String, Integer> counts = new HashMap<>();
        int missing = 0;
        for (String v : column.values()) {
            if (v == null) {
                missing++;
            } else {
                counts.merge(v, 1, Integer::sum);
            }
        }
        List<ColumnProfile.ValueCount> top = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_VALUES)
                .map(e -> new ColumnProfile.ValueCount(e.getKey(), e.getValue()))
                .toList();
        return new ColumnProfile(
                column.name(),
                ColumnProfile.CATEGORICAL,
                missing,
                Math.min(counts.size(), DISTINCT_CAP),
                counts.size() > DISTINCT_CAP,
                null,
                null,
                null,
                null,
                top);
    }
}
