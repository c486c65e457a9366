package dev.anneal.data;

import java.util.List;

/**
 * What a user needs to know about a column before tuning on it.
 *
 * @param distinct distinct present values, counted up to {@link DatasetProfiler#DISTINCT_CAP}
 * @param distinctCapped whether there are more distinct values than {@code distinct} says
 * @param min numeric columns only, else {@code null} (likewise max, mean, std)
 * @param topValues categorical columns only: the most frequent values, most frequent first
 */
public record ColumnProfile(
        String name,
        String type,
        int missing,
        int distinct,
        boolean distinctCapped,
        Double min,
        Double max,
        Double mean,
        Double std,
        List<ValueCount> topValues) {

    public static final String NUMERIC = "numeric";
    public static final String CATEGORICAL = "categorical";

    /** Distinct values a text column may have to be one-hot encoded as a feature. */
    public static final int MAX_ONE_HOT_CATEGORIES = 100;

    public record ValueCount(String value, int count) {}
}
