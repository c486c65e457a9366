package dev.anneal.data;

import java.util.Arrays;

/**
 * Collects one column's cells while the file is read. Cells stay as primitive doubles while they
 * parse as numbers, which keeps a 10,000 x 785 image table at 63 MB instead of half a gigabyte of
 * strings; the first cell that does not parse turns the column categorical.
 */
final class ColumnBuilder {

    private final String name;
    private double[] numbers = new double[256];
    private String[] texts;
    private int size;

    ColumnBuilder(String name) {
        this.name = name;
    }

    void add(String cell) {
        if (size == capacity()) {
            grow();
        }
        if (MissingValues.isMissing(cell)) {
            if (texts != null) {
                texts[size] = null;
            } else {
                numbers[size] = Double.NaN;
            }
            size++;
            return;
        }
        if (texts == null) {
            Double number = parse(cell);
            if (number != null) {
                numbers[size++] = number;
                return;
            }
            switchToTexts();
        }
        texts[size++] = cell;
    }

    Column build() {
        if (texts != null) {
            return new CategoricalColumn(name, Arrays.copyOf(texts, size));
        }
        return new NumericColumn(name, Arrays.copyOf(numbers, size));
    }

    private int capacity() {
        return texts != null ? texts.length : numbers.length;
    }

    private void grow() {
        if (texts != null) {
            texts = Arrays.copyOf(texts, texts.length * 2);
        } else {
            numbers = Arrays.copyOf(numbers, numbers.length * 2);
        }
    }

    private void switchToTexts() {
        texts = new String[numbers.length];
        for (int i = 0; i < size; i++) {
            texts[i] = Double.isNaN(numbers[i]) ? null : format(numbers[i]);
        }
        numbers = null;
    }

    /** Numbers seen before the column turned out categorical: "3" stays "3", not "3.0". */
    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static Double parse(String cell) {
        char first = cell.charAt(0);
        if (!(Character.isDigit(first) || first == '-' || first == '+' || first == '.')) {
            return null;
        }
        try {
            double v = Double.parseDouble(cell);
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
