package dev.anneal.worker.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.data.CsvTable;
import dev.anneal.spec.JobSpec;
import dev.anneal.spec.JobSpec.ModelSpec;
import dev.anneal.spec.JobSpec.SeriesSpec;
import dev.anneal.spec.JobSpec.ValidationSpec;
import dev.anneal.spec.ModelFamily;
import dev.anneal.spec.ValidationScheme;
import dev.anneal.spec.catalog.TrialParams;
import dev.anneal.worker.config.Nd4jThreads;
import dev.anneal.worker.prepare.DataPreparation;
import dev.anneal.worker.prepare.PreparationOptions;
import dev.anneal.worker.prepare.PreparedData;
import dev.anneal.worker.prepare.series.AirPassengers;
import dev.anneal.worker.testing.RecordingMonitor;
import dev.anneal.worker.testing.Specs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The time-series path a worker runs, end to end on airpassengers: windows prepared from the
 * table, an LSTM trained by the supervised loop, RMSE of the last 24 months in passengers.
 */
class TimeSeriesForecastTest {

    static CsvTable passengers;

    @BeforeAll
    static void load() {
        Nd4jThreads.limit(1);
        passengers = Specs.table("airpassengers.csv");
    }

    static JobSpec spec() {
        return Specs.spec(
                "target",
                "regression",
                "val_rmse",
                "minimize",
                new ModelSpec(ModelFamily.LSTM, null, null, new SeriesSpec(1)),
                new ValidationSpec(ValidationScheme.CHRONOLOGICAL, null, null, 24),
                1);
    }

    /** The value twelve months earlier, for each of the last 24 months. */
    static double seasonalNaiveRmse() {
        double[][] series = AirPassengers.series();
        double squares = 0;
        for (int t = series.length - 24; t < series.length; t++) {
            double error = series[t][0] - series[t - 12][0];
            squares += error * error;
        }
        return Math.sqrt(squares / 24);
    }

    @Test
    void lstmBeatsTheSeasonalNaiveForecastOnTheLastTwoYears() {
        TrialParams params = new TrialParams(Map.of(
                "window", 12L,
                "units", 16L,
                "hiddenLayers", 1L,
                "learningRate", 0.01,
                "batchSize", 32L,
                "epochs", 60L,
                "gradientClipping", 1.0));
        List<PreparedData> data = DataPreparation.prepare(passengers, spec(), PreparationOptions.of(params));

        var result = (TrainingResult.Finished) SupervisedTrainer.train(data, spec(), params, 1, new RecordingMonitor());

        PreparedData windows = data.get(0);
        assertThat(windows.validationX()).hasNumberOfRows(24);
        assertThat(windows.record().layout()).isEqualTo("series");
        assertThat(windows.record().series().encoding()).isEqualTo("log_relative");
        double naive = seasonalNaiveRmse();
        assertThat(naive).isBetween(49.9, 50.0);
        double best =
                ObjectiveSelector.select(result.curve(), spec().objective()).value();
        assertThat(best).isLessThan(0.75 * naive);
        // val_loss is the training loss's term on validation windows (scaled log changes), not the
        // error in passengers divided by the scale of log changes (which read about 10^6 here)
        for (var epoch : result.curve()) {
            assertThat(epoch.get("val_loss")).isLessThan(10 * Math.max(1, epoch.get("loss")));
        }
    }

    @Test
    void aWindowLongerThanTheSeriesIsRefusedWithTheLengths() {
        TrialParams params = new TrialParams(Map.of("window", 200L));

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> DataPreparation.prepare(passengers, spec(), PreparationOptions.of(params)))
                .isInstanceOf(dev.anneal.worker.prepare.TrainingDataException.class)
                .hasMessageContaining("window 200 + horizon 1 is longer than the series (144 rows)");
    }

    @Test
    void gapsInAnInputSeriesAreFilledUnlessImputationIsDrop() {
        StringBuilder csv = new StringBuilder("step,humidity,temperature\n");
        for (int t = 0; t < 120; t++) {
            String humidity = t % 17 == 5 ? "" : Double.toString(60 + Math.cos(t / 5.0));
            csv.append(t)
                    .append(',')
                    .append(humidity)
                    .append(',')
                    .append(Math.sin(t / 5.0) - 0.5)
                    .append('\n');
        }
        CsvTable table =
                dev.anneal.data.CsvTableReader.read(csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        JobSpec spec = JobSpec.training(
                "temperature",
                "regression",
                List.of("humidity"),
                new ModelSpec(ModelFamily.LSTM, null, null, new SeriesSpec(1)),
                spec().objective(),
                new ValidationSpec(ValidationScheme.CHRONOLOGICAL, null, null, 20),
                spec().algorithm(),
                null);

        PreparedData filled = DataPreparation.prepare(
                        table, spec, PreparationOptions.of(new TrialParams(Map.of("window", 10L))))
                .get(0);
        PreparedData dropped = DataPreparation.prepare(
                        table,
                        spec,
                        PreparationOptions.of(new TrialParams(Map.of("window", 10L, "imputation", "drop"))))
                .get(0);

        assertThat(filled.record().droppedMissingFeatures()).isZero();
        assertThat(filled.record().imputation()).isEqualTo("mean");
        // the series crosses zero, so the target enters as a plain difference, not a log change
        assertThat(filled.record().series().encoding()).isEqualTo("relative");
        assertThat(dropped.record().droppedMissingFeatures()).isPositive();
        assertThat(dropped.trainX().length).isLessThan(filled.trainX().length);
    }
}
