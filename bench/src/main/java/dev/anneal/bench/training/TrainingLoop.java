package dev.anneal.bench.training;

import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** Trains one network epoch by epoch the way its {@link LoopSettings} say. */
final class TrainingLoop {

    private final Model model;
    private final MultiLayerNetwork net;
    private final DataSet data;
    private final LoopSettings settings;
    private final int[] order;
    private final Random random = new Random(1);
    private List<DataSet> batches;
    private long epoch;
    /** Read so that the JIT cannot drop {@code net.score()}. */
    double scoreSum;

    TrainingLoop(Model model, DataSet data, LoopSettings settings) {
        this.model = model;
        this.net = Networks.build(model, settings.workspaces(), settings.cache(), settings.lstm());
        this.data = data.copy();
        this.settings = settings;
        this.order = new int[data.numExamples()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // pullRows' dimension argument is easy to get wrong: check once that 1 means "rows"
        int last = order.length - 1;
        if (!Nd4j.pullRows(data.getFeatures(), 1, new int[] {last})
                .equals(data.getFeatures().getRow(last, true))) {
            throw new IllegalStateException("Nd4j.pullRows(features, 1, rows) does not pull rows");
        }
    }

    MultiLayerNetwork net() {
        return net;
    }

    /** @return the examples trained */
    int epoch() {
        epoch++;
        if (settings.shuffle()) {
            data.shuffle(epoch);
        }
        return switch (settings.batching()) {
            case "batchby" -> fitAll(data.batchBy(model.batchSize));
            case "presplit" -> fitAll(batches == null ? (batches = data.batchBy(model.batchSize)) : batches);
            case "pull" -> fitPulled();
            default -> throw new IllegalArgumentException("unknown batching " + settings.batching());
        };
    }

    private int fitAll(List<DataSet> list) {
        int n = 0;
        for (DataSet batch : list) {
            fit(batch.getFeatures(), batch.getLabels());
            n += batch.numExamples();
        }
        return n;
    }

    /**
     * A Fisher-Yates permutation in Java and one gather per batch: the batch arrives contiguous
     * and shuffled without the per-example DataSet objects that batchBy creates each epoch.
     */
    private int fitPulled() {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        for (int from = 0; from < order.length; from += model.batchSize) {
            int[] rows = java.util.Arrays.copyOfRange(order, from, Math.min(order.length, from + model.batchSize));
            fit(Nd4j.pullRows(data.getFeatures(), 1, rows), Nd4j.pullRows(data.getLabels(), 1, rows));
        }
        return order.length;
    }

    private void fit(INDArray features, INDArray labels) {
        INDArray input = model == Model.LSTM
                ? features.reshape('c', features.size(0), Workloads.LSTM_FEATURES, Workloads.LSTM_STEPS)
                : features;
        if (settings.fitArrays()) {
            net.fit(input, labels);
        } else {
            net.fit(new DataSet(input, labels));
        }
        if (settings.score()) {
            scoreSum += net.score();
        }
    }
}
