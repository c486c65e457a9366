package dev.anneal.worker.prepare;

import dev.anneal.data.CategoricalColumn;
import dev.anneal.data.Column;
import dev.anneal.data.NumericColumn;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Class labels of the rows that have one. Classes are ordered numerically when the target
 * column is numeric (so digits 0..9 map to indices 0..9), else alphabetically.
 */
record Labels(List<String> classes, int[] index) {

    static Labels of(Column target, int[] rows) {
        Map<String, Double> order = new TreeMap<>();
        String[] text = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            if (target instanceof NumericColumn n) {
                double v = n.get(rows[i]);
                text[i] = v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
                order.put(text[i], v);
            } else {
                text[i] = ((CategoricalColumn) target).get(rows[i]);
                order.put(text[i], 0.0);
            }
        }
        List<String> classes = new ArrayList<>(order.keySet());
        if (target instanceof NumericColumn) {
            classes.sort(Comparator.comparing(order::get));
        }
        if (classes.size() < 2) {
            throw new TrainingDataException("classification needs at least 2 classes in \"" + target.name()
                    + "\", but it has " + classes.size());
        }
        Map<String, Integer> indexOf = new TreeMap<>();
        for (int i = 0; i < classes.size(); i++) {
            indexOf.put(classes.get(i), i);
        }
        int[] index = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            index[i] = indexOf.get(text[i]);
        }
        return new Labels(List.copyOf(classes), index);
    }
}
