package dev.anneal.worker.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.data.CsvTableReader;
import dev.anneal.db.testing.SharedDatasets;
import dev.anneal.spec.JobSpec;
import dev.anneal.spec.catalog.TrialParams;
import dev.anneal.tuner.study.Direction;
import dev.anneal.worker.config.Nd4jThreads;
import dev.anneal.worker.prepare.PreparedData;
import dev.anneal.worker.prepare.TabularPreparer;
import dev.anneal.worker.testing.RecordingMonitor;
import dev.anneal.worker.testing.Specs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real DL4J training on the real small datasets. */
class SupervisedTrainerTest {

    static PreparedData iris;
    static PreparedData airquality;

    @BeforeAll
    static void prepare() {
        Nd4jThreads.limit(1);
        iris = TabularPreparer.prepare(
                CsvTableReader.read(SharedDatasets.bytes("iris.csv")),
                spec("label", "classification", "val_accuracy", "maximize"));
        airquality = TabularPreparer.prepare(
                CsvTableReader.read(SharedDatasets.bytes("airquality.csv")),
                spec("target", "regression", "val_rmse", "minimize"));
    }

    @Test
    void learnsIris() {
        var params = new TrialParams(Map.of("learningRate", 0.01, "epochs", 30L, "units", 32L));
        var monitor = new RecordingMonitor();

        TrainingResult result = train(iris, params, 11, monitor);

        assertThat(result).isInstanceOf(TrainingResult.Finished.class);
        List<Map<String, Double>> curve = ((TrainingResult.Finished) result).curve();
        assertThat(curve).hasSize(30);
        assertThat(monitor.epochs)
                .containsExactlyElementsOf(
                        java.util.stream.IntStream.rangeClosed(1, 30).boxed().toList());
        assertThat(curve.get(29).get("val_accuracy")).isGreaterThanOrEqualTo(0.9);
        assertThat(curve.get(29).get("val_loss")).isLessThan(curve.get(0).get("val_loss"));
    }

    @Test
    void sameSeedGivesTheSameCurve() {
        var params = new TrialParams(Map.of("learningRate", 0.01, "epochs", 5L, "dropout", 0.2));
        var a = (TrainingResult.Finished) train(iris, params, 5, new RecordingMonitor());
        var b = (TrainingResult.Finished) train(iris, params, 5, new RecordingMonitor());
        var c = (TrainingResult.Finished) train(iris, params, 6, new RecordingMonitor());

        assertThat(a.curve()).isEqualTo(b.curve());
        assertThat(a.curve()).isNotEqualTo(c.curve());
    }

    @Test
    void regressionReportsErrorsInTargetUnits() {
        var params = new TrialParams(Map.of("learningRate", 0.01, "epochs", 40L));
        var result = (TrainingResult.Finished) train(airquality, params, 3, new RecordingMonitor());

        Map<String, Double> last = result.curve().get(39);
        assertThat(last).containsKeys("val_rmse", "val_mae", "val_r2", "val_loss", "loss");
        // ozone in ppb: a model that learned something is far better than the ~33 ppb spread
        assertThat(last.get("val_rmse")).isBetween(5.0, 30.0);
        assertThat(last.get("val_r2")).isGreaterThan(0.3);
    }

    @Test
    void explodingLearningRateEndsAsDiverged() {
        var params = new TrialParams(Map.of("learningRate", 10.0, "optimizer", "sgd", "epochs", 20L, "units", 256L));

        TrainingResult result = train(airquality, params, 1, new RecordingMonitor());

        assertThat(result).isInstanceOf(TrainingResult.Diverged.class);
        assertThat(((TrainingResult.Diverged) result).detail()).contains("became");
    }

    @Test
    void stopsAtTheNextBatchWhenAsked() {
        var params = new TrialParams(Map.of("epochs", 50L));
        var monitor = new RecordingMonitor();
        monitor.stopAfterEpoch = 2;

        TrainingResult result = train(iris, params, 1, monitor);

        assertThat(result).isEqualTo(new TrainingResult.Stopped(2));
        assertThat(monitor.epochs).containsExactly(1, 2);
    }

    @Test
    void objectiveIsTheBestEpochUnlessTheLastIsAskedFor() {
        List<Map<String, Double>> curve = List.of(
                Map.of("val_accuracy", 0.5),
                Map.of("val_accuracy", 0.9),
                Map.of("val_accuracy", 0.9),
                Map.of("val_accuracy", 0.7));

        assertThat(ObjectiveSelector.select(
                        curve, new JobSpec.ObjectiveSpec("val_accuracy", Direction.MAXIMIZE, "best")))
                .isEqualTo(new ObjectiveSelector.Selection(0.9, 2));
        assertThat(ObjectiveSelector.select(
                        curve, new JobSpec.ObjectiveSpec("val_accuracy", Direction.MAXIMIZE, "last")))
                .isEqualTo(new ObjectiveSelector.Selection(0.7, 4));
        assertThat(ObjectiveSelector.select(
                        curve, new JobSpec.ObjectiveSpec("val_accuracy", Direction.MINIMIZE, "best")))
                .isEqualTo(new ObjectiveSelector.Selection(0.5, 1));
    }

    static JobSpec spec(String target, String task, String metric, String direction) {
        return Specs.mlp(target, task, metric, direction, 42);
    }

    static final JobSpec IRIS = spec("label", "classification", "val_accuracy", "maximize");
    static final JobSpec AIRQUALITY = spec("target", "regression", "val_rmse", "minimize");

    static TrainingResult train(PreparedData data, TrialParams params, long seed, TrainingMonitor monitor) {
        return SupervisedTrainer.train(
                List.of(data), data.isClassification() ? IRIS : AIRQUALITY, params, seed, monitor);
    }
}
