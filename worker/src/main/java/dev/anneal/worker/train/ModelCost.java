package dev.anneal.worker.train;

import dev.anneal.spec.catalog.ObjectiveMetrics;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a trained network costs to keep and to run, measured by the worker that trained it
 * ({@link ObjectiveMetrics#COST}).
 *
 * <p>{@code inference_ms} is the median wall time of {@code net.output} on one row (batch 1), in
 * test mode, over up to {@value #LATENCY_ROWS} validation rows after {@value #WARM_UP} warm-up
 * calls, on the trial's thread budget (ND4J threads as the worker sets them): what the stored
 * network costs a caller of {@code predict} per row, without HTTP. It is wall-clock time, so it
 * is as noisy as the machine is busy (another trial on the other core moves it by tens of
 * percent): bound it in constraints with headroom, and compare trials of one job, not across
 * machines.
 */
public final class ModelCost {

    static final int LATENCY_ROWS = 100;
    static final int WARM_UP = 5;

    private ModelCost() {}

    /** {@code parameters} and {@code inference_ms} of {@code net}, whose input rows {@code shape} makes. */
    static Map<String, Double> of(MultiLayerNetwork net, InputShape shape, float[][] validationRows) {
        Map<String, Double> cost = new LinkedHashMap<>();
        cost.put(ObjectiveMetrics.COST.get(0), (double) net.numParams());
        int rows = Math.min(LATENCY_ROWS, validationRows.length);
        if (rows > 0) {
            for (int i = 0; i < WARM_UP; i++) {
                run(net, shape, validationRows[i % rows]);
            }
            double[] ms = new double[rows];
            for (int i = 0; i < rows; i++) {
                ms[i] = run(net, shape, validationRows[i]);
            }
            Arrays.sort(ms);
            cost.put(
                    ObjectiveMetrics.COST.get(2), rows % 2 == 1 ? ms[rows / 2] : (ms[rows / 2 - 1] + ms[rows / 2]) / 2);
        }
        return cost;
    }

    /** The milliseconds one row's forward pass took, its input built outside the timing. */
    private static double run(MultiLayerNetwork net, InputShape shape, float[] row) {
        INDArray input = shape.toInput(new float[][] {row});
        INDArray mask = shape.mask(input);
        long start = System.nanoTime();
        INDArray out = net.output(input, false, mask, null);
        double ms = (System.nanoTime() - start) / 1e6;
        out.close();
        return ms;
    }

    /** Adds {@code model_bytes} and {@code train_seconds} (data preparation and network building not counted). */
    static Map<String, Double> withSizeAndTime(Map<String, Double> cost, TrainedModel model, long trainingNanos) {
        Map<String, Double> all = new LinkedHashMap<>(cost);
        all.put(ObjectiveMetrics.COST.get(1), (double) model.zip().length);
        all.put(ObjectiveMetrics.COST.get(3), trainingNanos / 1e9);
        return all;
    }
}
