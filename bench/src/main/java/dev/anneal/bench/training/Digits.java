package dev.anneal.bench.training;

import dev.anneal.data.CsvTableReader;
import dev.anneal.db.testing.SharedDatasets;
import dev.anneal.spec.Algorithm;
import dev.anneal.spec.JobSpec;
import dev.anneal.spec.ModelFamily;
import dev.anneal.spec.ValidationScheme;
import dev.anneal.worker.prepare.PreparedData;
import dev.anneal.worker.prepare.TabularPreparer;
import java.util.List;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * digits prepared exactly as a worker prepares a job's table (standardized, stratified 80/20), so
 * the MLP trains on the same 1437 rows as the product and as PyTorch's reference.
 */
final class Digits {

    private Digits() {}

    static PreparedData prepared() {
        return TabularPreparer.prepare(CsvTableReader.read(SharedDatasets.bytes("digits.csv")), spec());
    }

    static DataSet trainingSplit() {
        PreparedData digits = prepared();
        return new DataSet(Nd4j.create(digits.trainX()), Nd4j.create(digits.trainY()));
    }

    private static JobSpec spec() {
        return JobSpec.training(
                "label",
                JobSpec.CLASSIFICATION,
                List.of(),
                new JobSpec.ModelSpec(ModelFamily.MLP, null, null, null),
                new JobSpec.ObjectiveSpec("val_accuracy", dev.anneal.tuner.study.Direction.MAXIMIZE, "last"),
                new JobSpec.ValidationSpec(ValidationScheme.HOLDOUT, 0.2, null, null),
                new JobSpec.AlgorithmSpec(Algorithm.RANDOM, 0),
                null);
    }
}
