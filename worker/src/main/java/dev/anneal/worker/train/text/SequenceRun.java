package dev.anneal.worker.train.text;

import static dev.anneal.spec.catalog.Hyperparameters.BATCH_SIZE;

import dev.anneal.spec.catalog.TrialParams;
import dev.anneal.tuner.random.Permutations;
import dev.anneal.worker.config.TrialMemory;
import dev.anneal.worker.prepare.PreparedData;
import dev.anneal.worker.train.EpochRun;
import dev.anneal.worker.train.TrainedModel;
import dev.anneal.worker.train.TrainingMonitor;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What the text models that predict sequences share (language models, translations): shuffled
 * mini-batches of token-id rows, the kept best weights, and the stored DL4J zip. A subclass builds
 * its network, fits one batch, evaluates and, if it has any, draws samples to store.
 */
abstract class SequenceRun implements EpochRun {

    protected final PreparedData data;
    private final int batchSize;
    private final int[] order;
    private final SplittableRandom shuffle;
    private Model net;
    private INDArray keptWeights;

    SequenceRun(PreparedData data, TrialParams params, long seed) {
        this.data = data;
        int rows = data.trainX().length;
        this.batchSize = Math.min(params.getInt(BATCH_SIZE), rows);
        this.order = TokenBatches.identity(rows);
        this.shuffle = new SplittableRandom(seed * 31 + 7);
    }

    /** Gradient steps an epoch takes: for learning-rate schedules. */
    protected final int iterationsPerEpoch() {
        return (order.length + batchSize - 1) / batchSize;
    }

    /** The network this run trains; set once by the subclass's constructor. */
    protected final void train(Model network) {
        this.net = network;
    }

    /** Fits training rows {@code order[start..end)}; returns the batch's loss. */
    protected abstract double fitBatch(int[] order, int start, int end);

    /**
     * Reorders an epoch's shuffled rows before they are cut into batches; by default not at all.
     * {@code batchSize} is the rows per batch.
     */
    protected void arrange(int[] order, int batchSize, SplittableRandom random) {}

    /** Texts to store with the kept model (CSV with a header), or {@code null}. */
    protected String samples() {
        return null;
    }

    @Override
    public final Double trainEpoch(int epoch, TrainingMonitor monitor) {
        Permutations.shuffle(order, shuffle);
        arrange(order, batchSize, shuffle);
        double lossSum = 0;
        int batches = 0;
        for (int start = 0; start < order.length; start += batchSize) {
            if (monitor.stopRequested()) {
                return null;
            }
            lossSum += fitBatch(order, start, Math.min(order.length, start + batchSize));
            batches++;
            TrialMemory.collectIfGrown();
        }
        return lossSum / batches;
    }

    @Override
    public final void keepCurrentWeights() {
        keptWeights = net.params().dup();
    }

    @Override
    public final TrainedModel modelZip() {
        if (keptWeights != null) {
            net.setParams(keptWeights);
        }
        return new TrainedModel(TrainedModel.NETWORK, TrainedModel.zip(net), samples());
    }

    @Override
    public void close() {
        // nothing native is held beyond the network, which the garbage collector frees
    }
}
