package dev.anneal.worker.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.data.CsvTable;
import dev.anneal.spec.JobSpec;
import dev.anneal.spec.JobSpec.ModelSpec;
import dev.anneal.spec.ModelFamily;
import dev.anneal.spec.ValidationScheme;
import dev.anneal.spec.catalog.TrialParams;
import dev.anneal.worker.config.Nd4jThreads;
import dev.anneal.worker.prepare.PreparationOptions;
import dev.anneal.worker.prepare.PreparedData;
import dev.anneal.worker.prepare.TabularPreparer;
import dev.anneal.worker.testing.RecordingMonitor;
import dev.anneal.worker.testing.Specs;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real DL4J training of every supervised family and training option on the shared digits
 * (8x8 images, 10 classes): few epochs, so each test takes seconds.
 */
class ModelFamiliesTrainingTest {

    static CsvTable digits;

    @BeforeAll
    static void load() {
        Nd4jThreads.limit(1);
        digits = Specs.table("digits.csv");
    }

    static JobSpec digitsSpec(ModelSpec model, JobSpec.ValidationSpec validation) {
        return Specs.spec("label", "classification", "val_accuracy", "maximize", model, validation, 3);
    }

    static TrainingResult.Finished train(JobSpec spec, Map<String, Object> values) {
        TrialParams params = new TrialParams(values);
        List<PreparedData> folds = TabularPreparer.prepare(digits, spec, PreparationOptions.of(params));
        TrainingResult result = SupervisedTrainer.train(folds, spec, params, 5, new RecordingMonitor());
        assertThat(result).isInstanceOf(TrainingResult.Finished.class);
        return (TrainingResult.Finished) result;
    }

    static double best(TrainingResult.Finished result, String metric) {
        return result.curve().stream().mapToDouble(m -> m.get(metric)).max().orElseThrow();
    }

    @Test
    void cnnLearnsDigitsAsImagesAndItsModelReloads() throws Exception {
        var spec = digitsSpec(
                new ModelSpec(ModelFamily.CNN, new JobSpec.ImageShape(1, 8, 8), null, null), Specs.holdout());
        var result = train(
                spec, Map.of("epochs", 4L, "learningRate", 3e-3, "filters", 8L, "denseUnits", 32L, "batchNorm", true));

        assertThat(best(result, "val_accuracy")).isGreaterThan(0.9);
        assertThat(result.curve().get(0)).containsKeys("val_accuracy", "val_f1", "val_loss", "loss");
        MultiLayerNetwork reloaded = ModelSerializer.restoreMultiLayerNetwork(
                new ByteArrayInputStream(result.model().zip()));
        assertThat(reloaded.numParams()).isPositive();
    }

    @Test
    void cnnWithImageAugmentationStillLearns() {
        var spec = digitsSpec(
                new ModelSpec(ModelFamily.CNN, new JobSpec.ImageShape(1, 8, 8), null, null), Specs.holdout());
        var result = train(
                spec,
                Map.of("epochs", 4L, "learningRate", 3e-3, "filters", 8L, "denseUnits", 32L, "augmentation", 0.5));

        // harder training batches cost some accuracy in 4 epochs; chance is 0.1
        assertThat(best(result, "val_accuracy")).isGreaterThan(0.7);
    }

    @Test
    void lstmReadsDigitsRowsAsSequences() {
        // 8 time steps (image rows) of 8 features (pixels of the row)
        var spec = digitsSpec(
                new ModelSpec(ModelFamily.LSTM, null, new JobSpec.SequenceShape(8, 8), null), Specs.holdout());
        var result = train(spec, Map.of("epochs", 6L, "learningRate", 1e-2, "units", 32L, "hiddenLayers", 1L));

        assertThat(best(result, "val_accuracy")).isGreaterThan(0.8);
    }

    @Test
    void kfoldTrainsEveryFoldAndReportsTheirMean() {
        var spec = digitsSpec(new ModelSpec(ModelFamily.MLP, null, null, null), Specs.kfold(3));
        var result = train(spec, Map.of("epochs", 3L, "learningRate", 1e-2));

        assertThat(result.foldValues()).hasSize(3);
        for (int e = 0; e < 3; e++) {
            double[] folds = result.foldValues().get(e);
            assertThat(folds).hasSize(3);
            double mean = (folds[0] + folds[1] + folds[2]) / 3;
            assertThat(result.curve().get(e).get("val_accuracy"))
                    .isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void earlyStoppingEndsAfterPatienceWithoutImprovement() {
        var spec = digitsSpec(new ModelSpec(ModelFamily.MLP, null, null, null), Specs.holdout());
        // a learning rate this small barely moves the loss: accuracy plateaus at once
        var result = train(spec, Map.of("epochs", 60L, "learningRate", 3e-2, "earlyStopping", 2L, "units", 128L));

        assertThat(result.stoppedEarly()).isTrue();
        assertThat(result.curve()).hasSizeLessThan(60);
        int bestEpoch =
                ObjectiveSelector.select(result.curve(), spec.objective()).epoch();
        assertThat(result.curve()).hasSize(bestEpoch + 2);
    }

    @Test
    void everyOptimizerScheduleAndRegularizerTrains() {
        CsvTable iris = Specs.table("iris.csv");
        var spec = Specs.mlp("label", "classification", "val_accuracy", "maximize", 2);
        List<String[]> runs = List.of(
                new String[] {"sgd", "none"},
                new String[] {"nesterov", "none"},
                new String[] {"rmsprop", "none"},
                new String[] {"adamw", "none"},
                new String[] {"adam", "step"},
                new String[] {"adam", "exponential"},
                new String[] {"adam", "cosine"});
        for (String[] run : runs) {
            TrialParams params = new TrialParams(Map.of(
                    "epochs",
                    30L,
                    "batchSize",
                    16L,
                    "optimizer",
                    run[0],
                    "lrSchedule",
                    run[1],
                    "learningRate",
                    run[0].equals("sgd") || run[0].equals("nesterov") ? 0.05 : 1e-2,
                    "gradientClipping",
                    1.0,
                    "weightDecay",
                    1e-4,
                    "l1",
                    1e-6,
                    "mixup",
                    run[1].equals("step") ? 0.2 : 0.0));
            var folds = TabularPreparer.prepare(iris, spec, PreparationOptions.of(params));
            var result =
                    (TrainingResult.Finished) SupervisedTrainer.train(folds, spec, params, 5, new RecordingMonitor());
            assertThat(best(result, "val_accuracy"))
                    .as(run[0] + " with " + run[1])
                    .isGreaterThan(0.8);
        }
    }

    @Test
    void binaryClassificationReportsAuc() {
        CsvTable binary = dev.anneal.data.CsvTableReader.read(
                ("x,y,label\n" + "1,2,no\n2,1,no\n1,1,no\n2,2,no\n1.5,1,no\n1,1.5,no\n"
                                + "5,6,yes\n6,5,yes\n5,5,yes\n6,6,yes\n5.5,5,yes\n5,5.5,yes\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var spec = Specs.spec(
                "label",
                "classification",
                "val_auc",
                "maximize",
                new ModelSpec(ModelFamily.MLP, null, null, null),
                new JobSpec.ValidationSpec(ValidationScheme.HOLDOUT, 0.5, null, null),
                1);
        TrialParams params = new TrialParams(Map.of("epochs", 20L, "learningRate", 1e-2));
        var folds = TabularPreparer.prepare(binary, spec, PreparationOptions.of(params));
        var result = (TrainingResult.Finished) SupervisedTrainer.train(folds, spec, params, 1, new RecordingMonitor());

        assertThat(result.curve().get(19).get("val_auc")).isEqualTo(1.0);
        assertThat(result.curve().get(19).get("val_f1")).isEqualTo(1.0);
    }
}
