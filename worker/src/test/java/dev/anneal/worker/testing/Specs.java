package dev.anneal.worker.testing;

import dev.anneal.data.CsvTable;
import dev.anneal.data.CsvTableReader;
import dev.anneal.db.testing.SharedDatasets;
import dev.anneal.spec.Algorithm;
import dev.anneal.spec.DirectionJson;
import dev.anneal.spec.JobSpec;
import dev.anneal.spec.JobSpec.ModelSpec;
import dev.anneal.spec.JobSpec.ValidationSpec;
import dev.anneal.spec.ModelFamily;
import dev.anneal.spec.ValidationScheme;
import java.util.List;

/** Training specs as the api would store them, for worker tests. */
public final class Specs {

    private Specs() {}

    public static JobSpec mlp(String target, String task, String metric, String direction, long seed) {
        return spec(target, task, metric, direction, new ModelSpec(ModelFamily.MLP, null, null, null), holdout(), seed);
    }

    public static JobSpec spec(
            String target,
            String task,
            String metric,
            String direction,
            ModelSpec model,
            ValidationSpec validation,
            long seed) {
        return JobSpec.training(
                target,
                task,
                List.of(),
                model,
                new JobSpec.ObjectiveSpec(metric, DirectionJson.parse(direction), "best"),
                validation,
                new JobSpec.AlgorithmSpec(Algorithm.RANDOM, seed),
                null);
    }

    public static ValidationSpec holdout() {
        return new ValidationSpec(ValidationScheme.HOLDOUT, 0.2, null, null);
    }

    public static ValidationSpec kfold(int folds) {
        return new ValidationSpec(ValidationScheme.KFOLD, 0.2, folds, null);
    }

    public static CsvTable table(String file) {
        return CsvTableReader.read(SharedDatasets.bytes(file));
    }
}
