package dev.anneal.data;

/** Texts, with {@code null} marking a missing cell. */
public record CategoricalColumn(String name, String[] values) implements Column {

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean isMissing(int row) {
        return values[row] == null;
    }

    public String get(int row) {
        return values[row];
    }
}
