package dev.anneal.worker.prepare.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SeriesWindowsTest {

    /** 20 time steps of two columns: column 0 is t, column 1 (the target) is 100 + t. */
    static double[][] ramp() {
        double[][] values = new double[20][];
        for (int t = 0; t < 20; t++) {
            values[t] = new double[] {t, 100 + t};
        }
        return values;
    }

    static SeriesWindowSpec spec(int window, int horizon, int validation, Scaling scaling, TargetEncoding encoding) {
        return new SeriesWindowSpec(1, window, horizon, validation, scaling, encoding);
    }

    @Test
    void cutsTimeMajorWindowsWithTheLabelHorizonStepsAfterTheirEnd() {
        WindowedSeries cut = SeriesWindows.cut(ramp(), spec(3, 2, 5, Scaling.NONE, TargetEncoding.ABSOLUTE));

        // window ends 2..17, label times 4..19
        assertThat(cut.training().size() + cut.validation().size()).isEqualTo(16);
        assertThat(cut.training().inputs()[0]).containsExactly(0, 100, 1, 101, 2, 102);
        assertThat(cut.training().labels()[0]).isEqualTo(104f);
        assertThat(cut.training().labelTimes())
                .containsExactly(IntStream.range(4, 15).toArray());
        assertThat(cut.validation().labelTimes()).containsExactly(15, 16, 17, 18, 19);
        assertThat(cut.validation().inputs()[4]).containsExactly(15, 115, 16, 116, 17, 117);
        assertThat(cut.validation().originalLabels()).containsExactly(115, 116, 117, 118, 119);
        assertThat(cut.skippedWindows()).isZero();
    }

    @Test
    void skipsAndCountsWindowsWithAMissingInputOrLabel() {
        double[][] otherMissing = ramp();
        otherMissing[10][0] = Double.NaN;
        double[][] targetMissing = ramp();
        targetMissing[10][1] = Double.NaN;
        var spec = spec(3, 2, 5, Scaling.NONE, TargetEncoding.ABSOLUTE);

        // windows ending at 10, 11 and 12 hold time step 10
        WindowedSeries other = SeriesWindows.cut(otherMissing, spec);
        assertThat(other.skippedWindows()).isEqualTo(3);
        assertThat(other.training().labelTimes()).containsExactly(4, 5, 6, 7, 8, 9, 10, 11);
        // ... and the window ending at 8 has its label (time step 10) there
        WindowedSeries target = SeriesWindows.cut(targetMissing, spec);
        assertThat(target.skippedWindows()).isEqualTo(4);
        assertThat(target.training().labelTimes()).containsExactly(4, 5, 6, 7, 8, 9, 11);
        assertThat(target.training().size() + target.validation().size()).isEqualTo(12);
    }

    @Test
    void validatesOnTheLast24MonthsAndScalesOnTheEarlierOnesOnly() {
        double[][] passengers = AirPassengers.series();
        var spec = new SeriesWindowSpec(0, 12, 1, 24, Scaling.STANDARD, TargetEncoding.ABSOLUTE);

        WindowedSeries cut = SeriesWindows.cut(passengers, spec);

        assertThat(cut.validation().labelTimes())
                .containsExactly(IntStream.range(120, 144).toArray());
        assertThat(cut.training().size()).isEqualTo(144 - 12 - 24);
        assertThat(cut.training().labelTimes())
                .containsExactly(IntStream.range(12, 120).toArray());
        double mean = Arrays.stream(passengers, 0, 120)
                .mapToDouble(r -> r[0])
                .average()
                .orElseThrow();
        assertThat(cut.scales().get(0).offset()).isCloseTo(mean, within(1e-9));

        // whatever the validation months hold, the training data and scaler stay the same
        double[][] changedFuture =
                Arrays.stream(passengers).map(double[]::clone).toArray(double[][]::new);
        for (int t = 120; t < 144; t++) {
            changedFuture[t][0] *= 10;
        }
        WindowedSeries other = SeriesWindows.cut(changedFuture, spec);
        assertThat(other.scales()).isEqualTo(cut.scales());
        assertThat(other.training().inputs()).isDeepEqualTo(cut.training().inputs());
        assertThat(other.training().labels()).containsExactly(cut.training().labels());
    }

    @Test
    void relativeScaleIsFittedOnTrainingWindowsOnly() {
        double[][] passengers = AirPassengers.series();
        var spec = new SeriesWindowSpec(0, 12, 1, 24, Scaling.MINMAX, TargetEncoding.LOG_RELATIVE);
        double[][] changedFuture =
                Arrays.stream(passengers).map(double[]::clone).toArray(double[][]::new);
        for (int t = 120; t < 144; t++) {
            changedFuture[t][0] *= 3;
        }

        WindowedSeries cut = SeriesWindows.cut(passengers, spec);

        assertThat(SeriesWindows.cut(changedFuture, spec).scales()).isEqualTo(cut.scales());
        for (float[] window : cut.training().inputs()) {
            for (float v : window) {
                assertThat(v).isBetween(0f, 1f);
            }
        }
    }

    @Test
    void logRelativeTargetIsTheLogChangeFromTheWindowsLastValueAndInvertsToOriginalUnits() {
        WindowedSeries cut = SeriesWindows.cut(ramp(), spec(3, 2, 5, Scaling.NONE, TargetEncoding.LOG_RELATIVE));

        WindowSet validation = cut.validation();
        // last validation window: time steps 15..17, label at 19; column 0 stays absolute
        assertThat(validation.inputs()[4][0]).isEqualTo(15f);
        assertThat(validation.inputs()[4][5]).isZero();
        assertThat(validation.inputs()[4][3]).isCloseTo((float) Math.log(116.0 / 117), within(1e-6f));
        assertThat(validation.labels()[4]).isCloseTo((float) Math.log(119.0 / 117), within(1e-6f));
        assertThat(validation.anchors()[4]).isEqualTo(117);
        assertThat(validation.toOriginalUnits(validation.labels()))
                .containsExactly(validation.originalLabels(), within(1e-4));
    }

    @Test
    void scaledRelativeTargetInvertsToOriginalUnits() {
        WindowedSeries cut = SeriesWindows.cut(
                AirPassengers.series(), new SeriesWindowSpec(0, 12, 3, 24, Scaling.STANDARD, TargetEncoding.RELATIVE));

        WindowSet training = cut.training();
        assertThat(training.toOriginalUnits(training.labels()))
                .containsExactly(training.originalLabels(), within(1e-3));
        assertThat(training.labelTimes()[0]).isEqualTo(14);
    }

    @Test
    void explainsWhyASeriesCannotBeCut() {
        double[][] passengers = AirPassengers.series();

        assertThatThrownBy(() -> SeriesWindows.cut(
                        passengers, new SeriesWindowSpec(0, 200, 1, 24, Scaling.STANDARD, TargetEncoding.ABSOLUTE)))
                .isInstanceOf(SeriesWindowException.class)
                .hasMessage("window 200 + horizon 1 is longer than the series (144 rows)");
        assertThatThrownBy(() -> SeriesWindows.cut(
                        passengers, new SeriesWindowSpec(0, 100, 1, 44, Scaling.STANDARD, TargetEncoding.ABSOLUTE)))
                .isInstanceOf(SeriesWindowException.class)
                .hasMessage("window 100 + horizon 1 leaves no training windows: the series has 144 rows,"
                        + " the last 44 validate, 0 windows skipped for missing values");
        double[][] withZero = ramp();
        withZero[0][1] = 0;
        assertThatThrownBy(() -> SeriesWindows.cut(withZero, spec(3, 1, 5, Scaling.NONE, TargetEncoding.LOG_RELATIVE)))
                .hasMessage("a log scale needs a positive target series, but time step 0 is 0.0");
        assertThatThrownBy(() -> spec(3, 0, 5, Scaling.NONE, TargetEncoding.ABSOLUTE))
                .isInstanceOf(SeriesWindowException.class)
                .hasMessageContaining("horizon must be at least 1");
    }
}
