package dev.anneal.worker.train.text;

import static dev.anneal.spec.catalog.Hyperparameters.BATCH_SIZE;

import dev.anneal.data.text.Vocabulary;
import dev.anneal.spec.JobSpec;
import dev.anneal.spec.catalog.ObjectiveMetrics;
import dev.anneal.spec.catalog.TrialParams;
import dev.anneal.tuner.random.Permutations;
import dev.anneal.worker.config.TrialMemory;
import dev.anneal.worker.prepare.FeatureEncoder;
import dev.anneal.worker.prepare.PreparedData;
import dev.anneal.worker.prepare.TextEncoder;
import dev.anneal.worker.train.EpochRun;
import dev.anneal.worker.train.SupervisedTrainer;
import dev.anneal.worker.train.TrainedModel;
import dev.anneal.worker.train.TrainingMonitor;
import dev.anneal.worker.train.TrainingResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A sequence-to-sequence trial: teacher-forced training of a {@link TranslationNetwork}, and
 * after every epoch greedy decoding of every validation source, scored against its reference by
 * {@code val_ter} (token error rate) and {@code val_ser} (sequence error rate), beside the
 * teacher-forced {@code val_loss} per token.
 */
public final class TranslationRun implements EpochRun {

    /** Validation rows per forward pass. */
    private static final int EVALUATION_ROWS = 512;

    private final PreparedData data;
    private final int targetVocabulary;
    private final int targetSteps;
    private final ComputationGraph net;
    private final int batchSize;
    private final int[] order;
    private final SplittableRandom shuffle;
    private INDArray keptWeights;

    public TranslationRun(PreparedData data, TrialParams params, long seed) {
        this.data = data;
        var source = (TextEncoder) FeatureEncoder.of(data.record().features().get(0));
        var target = (TextEncoder) FeatureEncoder.of(data.record().features().get(1));
        this.targetVocabulary = target.vocabulary().size();
        this.targetSteps = target.maxLength() + 1;
        int rows = data.trainX().length;
        this.batchSize = Math.min(params.getInt(BATCH_SIZE), rows);
        this.net = TranslationNetwork.build(
                source.vocabulary().size(),
                source.maxLength(),
                targetVocabulary,
                targetSteps,
                params,
                seed,
                (rows + batchSize - 1) / batchSize);
        this.order = TokenBatches.identity(rows);
        this.shuffle = new SplittableRandom(seed * 31 + 7);
    }

    public static TrainingResult train(
            PreparedData data, JobSpec spec, TrialParams params, long seed, TrainingMonitor monitor) {
        try (var run = new TranslationRun(data, params, seed)) {
            return SupervisedTrainer.train(List.of(run), spec, params, monitor);
        }
    }

    @Override
    public Double trainEpoch(int epoch, TrainingMonitor monitor) {
        Permutations.shuffle(order, shuffle);
        double lossSum = 0;
        int batches = 0;
        for (int start = 0; start < order.length; start += batchSize) {
            if (monitor.stopRequested()) {
                return null;
            }
            int end = Math.min(order.length, start + batchSize);
            INDArray source = TokenBatches.ids(data.trainX(), order, start, end);
            INDArray decoder = TokenBatches.shiftedRight(data.trainY(), order, start, end);
            INDArray mask = TokenBatches.mask(decoder);
            net.fit(
                    new INDArray[] {source, TranslationNetwork.decoderInput(decoder)},
                    new INDArray[] {TokenBatches.oneHot(data.trainY(), order, start, end, targetVocabulary)},
                    new INDArray[] {TokenBatches.mask(source), mask},
                    new INDArray[] {mask});
            lossSum += net.score();
            batches++;
            TrialMemory.collectIfGrown();
        }
        return lossSum / batches;
    }

    @Override
    public Map<String, Double> evaluate(double trainLoss) {
        float[][] x = data.validationX();
        float[][] y = data.validationY();
        int[] all = TokenBatches.identity(x.length);
        SequenceErrors errors = new SequenceErrors();
        double nats = 0;
        long tokens = 0;
        for (int start = 0; start < x.length; start += EVALUATION_ROWS) {
            int end = Math.min(x.length, start + EVALUATION_ROWS);
            INDArray source = TokenBatches.ids(x, all, start, end);
            INDArray decoder = TokenBatches.shiftedRight(y, all, start, end);
            INDArray mask = TokenBatches.mask(decoder);
            INDArray p = net.output(
                            false,
                            new INDArray[] {source, TranslationNetwork.decoderInput(decoder)},
                            new INDArray[] {TokenBatches.mask(source), mask},
                            null)[0];
            for (int i = start; i < end; i++) {
                for (int t = 0; t < y[i].length && y[i][t] != Vocabulary.PADDING; t++) {
                    nats -= Math.log(Math.max(1e-12, p.getDouble(i - start, (int) y[i][t], t)));
                    tokens++;
                }
            }
            List<int[]> decoded = GreedyDecoder.decode(net, source, targetSteps);
            for (int i = start; i < end; i++) {
                errors.add(decoded.get(i - start), reference(y[i]));
            }
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(ObjectiveMetrics.VAL_TER, errors.ter());
        metrics.put(ObjectiveMetrics.VAL_SER, errors.ser());
        metrics.put(ObjectiveMetrics.VAL_LOSS, nats / tokens);
        metrics.put(ObjectiveMetrics.LOSS, trainLoss);
        return metrics;
    }

    /** A label row's token ids before its end id. */
    static int[] reference(float[] labels) {
        int n = 0;
        while (n < labels.length && labels[n] != Vocabulary.END && labels[n] != Vocabulary.PADDING) {
            n++;
        }
        int[] ids = new int[n];
        for (int t = 0; t < n; t++) {
            ids[t] = (int) labels[t];
        }
        return ids;
    }

    @Override
    public void keepCurrentWeights() {
        keptWeights = net.params().dup();
    }

    @Override
    public TrainedModel modelZip() {
        if (keptWeights != null) {
            net.setParams(keptWeights);
        }
        try (var out = new ByteArrayOutputStream()) {
            ModelSerializer.writeModel(net, out, false);
            return new TrainedModel(TrainedModel.NETWORK, out.toByteArray(), null);
        } catch (IOException e) {
            throw new UncheckedIOException("could not serialize the trained network", e);
        }
    }

    @Override
    public void close() {
        // nothing native is held beyond the network, which the garbage collector frees
    }
}
