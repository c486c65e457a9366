package dev.anneal.worker.prepare;

import dev.anneal.data.CsvTable;
import dev.anneal.spec.JobSpec;
import java.util.List;

/** Chooses how a job's table becomes training data: time-series windows, or rows. */
public final class DataPreparation {

    private DataPreparation() {}

    /** One {@link PreparedData} per validation fold. */
    public static List<PreparedData> prepare(CsvTable table, JobSpec spec, PreparationOptions options) {
        if (JobSpec.LANGUAGE_MODEL.equals(spec.task())) {
            return List.of(LanguageModelPreparer.prepare(table, spec, options));
        }
        if (JobSpec.TRANSLATION.equals(spec.task())) {
            return List.of(TranslationPreparer.prepare(table, spec, options));
        }
        if (spec.model().series() != null) {
            return List.of(SeriesPreparer.prepare(table, spec, options));
        }
        return TabularPreparer.prepare(table, spec, options);
    }
}
