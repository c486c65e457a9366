package dev.anneal.worker.prepare;

import dev.anneal.worker.dataset.CsvTable;
import dev.anneal.worker.train.TrainingSpec;
import java.util.List;

/** Chooses how a job's table becomes training data: time-series windows, or rows. */
public final class DataPreparation {

    private DataPreparation() {}

    /** One {@link PreparedData} per validation fold. */
    public static List<PreparedData> prepare(CsvTable table, TrainingSpec spec, PreparationOptions options) {
        if (spec.model().series() != null) {
            return List.of(SeriesPreparer.prepare(table, spec, options));
        }
        return TabularPreparer.prepare(table, spec, options);
    }
}
