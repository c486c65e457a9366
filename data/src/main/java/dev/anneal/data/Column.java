package dev.anneal.data;

/**
 * One column of a {@link CsvTable}. A column is numeric when every present cell parses as a
 * number; otherwise it is categorical and keeps the cell texts.
 */
public sealed interface Column permits NumericColumn, CategoricalColumn {

    String name();

    int size();

    boolean isMissing(int row);

    default int missingCount() {
        int missing = 0;
        for (int row = 0; row < size(); row++) {
            if (isMissing(row)) {
                missing++;
            }
        }
        return missing;
    }
}
