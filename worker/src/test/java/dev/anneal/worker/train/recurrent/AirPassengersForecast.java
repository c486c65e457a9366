package dev.anneal.worker.train.recurrent;

import dev.anneal.worker.prepare.series.Scaling;
import dev.anneal.worker.prepare.series.SeriesWindowSpec;
import dev.anneal.worker.prepare.series.SeriesWindows;
import dev.anneal.worker.prepare.series.TargetEncoding;
import dev.anneal.worker.prepare.series.WindowSet;
import dev.anneal.worker.prepare.series.WindowedSeries;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Trains an LSTM on the monthly airline passengers and forecasts the last 24 months one step
 * ahead, with a plain epoch loop: seeded shuffle of the training windows, mini-batches, one
 * evaluation at the end.
 */
final class AirPassengersForecast {

    static final int VALIDATION_MONTHS = 24;

    record Recipe(
            int window,
            int units,
            int layers,
            double learningRate,
            int batch,
            int epochs,
            Scaling scaling,
            TargetEncoding encoding) {}

    private AirPassengersForecast() {}

    static WindowedSeries windows(double[][] series, Recipe recipe) {
        return SeriesWindows.cut(
                series,
                new SeriesWindowSpec(0, recipe.window(), 1, VALIDATION_MONTHS, recipe.scaling(), recipe.encoding()));
    }

    /** Root mean squared error of the forecast for the validation months, in passengers. */
    static double lstmRmse(double[][] series, Recipe recipe, long seed) {
        WindowedSeries data = windows(series, recipe);
        MultiLayerNetwork net = RecurrentNetworkFactory.build(
                1,
                1,
                false,
                new RecurrentSettings(recipe.units(), recipe.layers(), 0, 1.0),
                new Adam(recipe.learningRate()),
                0,
                0,
                seed);
        WindowSet training = data.training();
        INDArray inputs = Nd4j.create(training.inputs());
        INDArray labels = Nd4j.create(training.labels(), training.size(), 1);
        var rng = new SplittableRandom(seed);
        int[] order = IntStream.range(0, training.size()).toArray();
        for (int epoch = 0; epoch < recipe.epochs(); epoch++) {
            shuffle(order, rng);
            for (int from = 0; from < order.length; from += recipe.batch()) {
                int[] batch = Arrays.copyOfRange(order, from, Math.min(order.length, from + recipe.batch()));
                net.fit(new DataSet(
                        SequenceShapes.toRecurrent(inputs.getRows(batch), recipe.window(), 1), labels.getRows(batch)));
            }
        }
        WindowSet validation = data.validation();
        float[] predictions = net.output(SequenceShapes.toRecurrent(validation.inputs(), recipe.window(), 1))
                .toFloatVector();
        return rmse(validation.toOriginalUnits(predictions), validation.originalLabels());
    }

    /** The forecast "same month last year" for the validation months. */
    static double seasonalNaiveRmse(double[][] series) {
        int rows = series.length;
        double[] forecast = new double[VALIDATION_MONTHS];
        double[] actual = new double[VALIDATION_MONTHS];
        for (int i = 0; i < VALIDATION_MONTHS; i++) {
            int t = rows - VALIDATION_MONTHS + i;
            forecast[i] = series[t - 12][0];
            actual[i] = series[t][0];
        }
        return rmse(forecast, actual);
    }

    static double rmse(double[] predicted, double[] actual) {
        double squares = 0;
        for (int i = 0; i < actual.length; i++) {
            squares += (predicted[i] - actual[i]) * (predicted[i] - actual[i]);
        }
        return Math.sqrt(squares / actual.length);
    }

    private static void shuffle(int[] order, SplittableRandom rng) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }
}
