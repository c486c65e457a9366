package dev.anneal.worker.train.text;

import dev.anneal.data.text.Vocabulary;
import dev.anneal.spec.JobSpec;
import dev.anneal.spec.catalog.Hyperparameters;
import dev.anneal.spec.catalog.ObjectiveMetrics;
import dev.anneal.spec.catalog.TrialParams;
import dev.anneal.tuner.random.Permutations;
import dev.anneal.worker.prepare.FeatureEncoder;
import dev.anneal.worker.prepare.PreparedData;
import dev.anneal.worker.prepare.TextEncoder;
import dev.anneal.worker.train.SupervisedTrainer;
import dev.anneal.worker.train.TrainingMonitor;
import dev.anneal.worker.train.TrainingResult;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A sequence-to-sequence trial: teacher-forced training of a {@link TranslationNetwork}, and
 * after every epoch beam-search decoding ({@code beamWidth}; 1 is greedy) of every validation source, scored against its reference by
 * {@code val_ter} (token error rate) and {@code val_ser} (sequence error rate), beside the
 * teacher-forced {@code val_loss} per token.
 */
public final class TranslationRun extends SequenceRun {

    /** Validation rows per forward pass. */
    private static final int EVALUATION_ROWS = 512;

    /** Batches sorted together by length; see {@link #arrange}. */
    private static final int BUCKET_BATCHES = 50;

    private final int targetVocabulary;
    private final int targetSteps;
    private final ComputationGraph net;
    private final int beamWidth;
    private final int[] sourceLengths;
    private final int[] targetLengths;

    public TranslationRun(PreparedData data, TrialParams params, long seed) {
        super(data, params, seed);
        var source = (TextEncoder) FeatureEncoder.of(data.record().features().get(0));
        var target = (TextEncoder) FeatureEncoder.of(data.record().features().get(1));
        this.targetVocabulary = target.vocabulary().size();
        this.targetSteps = target.maxLength() + 1;
        this.net = TranslationNetwork.build(
                source.vocabulary().size(),
                source.maxLength(),
                targetVocabulary,
                targetSteps,
                params,
                seed,
                iterationsPerEpoch());
        train(net);
        this.beamWidth = params.getInt(Hyperparameters.BEAM_WIDTH);
        this.sourceLengths = lengths(data.trainX());
        this.targetLengths = lengths(data.trainY());
    }

    private static int[] lengths(float[][] rows) {
        return Arrays.stream(rows).mapToInt(TokenBatches::length).toArray();
    }

    public static TrainingResult train(
            PreparedData data, JobSpec spec, TrialParams params, long seed, TrainingMonitor monitor) {
        try (var run = new TranslationRun(data, params, seed)) {
            return SupervisedTrainer.train(List.of(run), spec, params, monitor);
        }
    }

    /**
     * Length buckets: the shuffled rows are sorted by source and target length within runs of
     * {@value #BUCKET_BATCHES} batches, and the batches then shuffled, so a batch holds words of
     * about one length and its padding (cut by {@link TokenBatches#width}) costs few LSTM steps.
     * On the CMU dictionary this halves an epoch (words of 2 to 20 letters in random batches
     * would each run as long as the batch's longest).
     */
    @Override
    protected void arrange(int[] order, int batchSize, SplittableRandom random) {
        int run = batchSize * BUCKET_BATCHES;
        for (int from = 0; from < order.length; from += run) {
            int to = Math.min(order.length, from + run);
            int[] sorted = IntStream.of(Arrays.copyOfRange(order, from, to))
                    .boxed()
                    .sorted(Comparator.comparingInt((Integer i) -> sourceLengths[i])
                            .thenComparingInt(i -> targetLengths[i]))
                    .mapToInt(Integer::intValue)
                    .toArray();
            System.arraycopy(sorted, 0, order, from, sorted.length);
        }
        int batches = (order.length + batchSize - 1) / batchSize;
        int[] batchOrder = TokenBatches.identity(batches);
        Permutations.shuffle(batchOrder, random);
        int[] copy = order.clone();
        int at = 0;
        for (int b : batchOrder) {
            int start = b * batchSize;
            int end = Math.min(copy.length, start + batchSize);
            System.arraycopy(copy, start, order, at, end - start);
            at += end - start;
        }
    }

    @Override
    protected double fitBatch(int[] order, int start, int end) {
        INDArray source = TokenBatches.ids(
                data.trainX(), order, start, end, TokenBatches.width(data.trainX(), order, start, end));
        int steps = TokenBatches.width(data.trainY(), order, start, end);
        INDArray decoder = TokenBatches.shiftedRight(data.trainY(), order, start, end, steps);
        INDArray mask = TokenBatches.mask(decoder);
        net.fit(
                new INDArray[] {source, TranslationNetwork.decoderInput(decoder)},
                new INDArray[] {TokenBatches.oneHot(data.trainY(), order, start, end, targetVocabulary, steps)},
                new INDArray[] {TokenBatches.mask(source), mask},
                new INDArray[] {mask});
        return net.score();
    }

    @Override
    public Map<String, Double> evaluate(double trainLoss) {
        float[][] x = data.validationX();
        float[][] y = data.validationY();
        // by length, so each batch's widths and decoding steps are those of its own words
        int[] all = IntStream.range(0, x.length)
                .boxed()
                .sorted(Comparator.comparingInt((Integer i) -> TokenBatches.length(x[i])))
                .mapToInt(Integer::intValue)
                .toArray();
        SequenceErrors errors = new SequenceErrors();
        double nats = 0;
        long tokens = 0;
        for (int start = 0; start < x.length; start += EVALUATION_ROWS) {
            int end = Math.min(x.length, start + EVALUATION_ROWS);
            INDArray source = TokenBatches.ids(x, all, start, end, TokenBatches.width(x, all, start, end));
            int steps = TokenBatches.width(y, all, start, end);
            INDArray decoder = TokenBatches.shiftedRight(y, all, start, end, steps);
            INDArray mask = TokenBatches.mask(decoder);
            INDArray p = net.output(
                            false,
                            new INDArray[] {source, TranslationNetwork.decoderInput(decoder)},
                            new INDArray[] {TokenBatches.mask(source), mask},
                            null)[0];
            for (int i = start; i < end; i++) {
                float[] row = y[all[i]];
                for (int t = 0; t < row.length && row[t] != Vocabulary.PADDING; t++) {
                    nats -= Math.log(Math.max(1e-12, p.getDouble(i - start, (int) row[t], t)));
                    tokens++;
                }
            }
            List<int[]> decoded = BeamDecoder.decode(net, source, targetSteps, beamWidth);
            for (int i = start; i < end; i++) {
                errors.add(decoded.get(i - start), reference(y[all[i]]));
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
}
