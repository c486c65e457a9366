package dev.anneal.data;

/** Numbers, with {@link Double#NaN} marking a missing cell. */
public record NumericColumn(String name, double[] values) implements Column {

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean isMissing(int row) {
        return Double.isNaN(values[row]);
    }

    public double get(int row) {
        return values[row];
    }
}
