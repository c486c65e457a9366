package dev.anneal.worker.train.text;

import dev.anneal.data.text.Vocabulary;
import dev.anneal.spec.JobSpec;
import dev.anneal.spec.catalog.ObjectiveMetrics;
import dev.anneal.spec.catalog.TrialParams;
import dev.anneal.worker.prepare.FeatureEncoder;
import dev.anneal.worker.prepare.PreparedData;
import dev.anneal.worker.prepare.TextEncoder;
import dev.anneal.worker.train.SupervisedTrainer;
import dev.anneal.worker.train.TrainingMonitor;
import dev.anneal.worker.train.TrainingResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A sequence-to-sequence trial: teacher-forced training of a {@link TranslationNetwork}, and
 * after every epoch greedy decoding of every validation source, scored against its reference by
 * {@code val_ter} (token error rate) and {@code val_ser} (sequence error rate), beside the
 * teacher-forced {@code val_loss} per token.
 */
public final class TranslationRun extends SequenceRun {

    /** Validation rows per forward pass. */
    private static final int EVALUATION_ROWS = 512;

    private final int targetVocabulary;
    private final int targetSteps;
    private final ComputationGraph net;

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
    }

    public static TrainingResult train(
            PreparedData data, JobSpec spec, TrialParams params, long seed, TrainingMonitor monitor) {
        try (var run = new TranslationRun(data, params, seed)) {
            return SupervisedTrainer.train(List.of(run), spec, params, monitor);
        }
    }

    @Override
    protected double fitBatch(int[] order, int start, int end) {
        INDArray source = TokenBatches.ids(data.trainX(), order, start, end);
        INDArray decoder = TokenBatches.shiftedRight(data.trainY(), order, start, end);
        INDArray mask = TokenBatches.mask(decoder);
        net.fit(
                new INDArray[] {source, TranslationNetwork.decoderInput(decoder)},
                new INDArray[] {TokenBatches.oneHot(data.trainY(), order, start, end, targetVocabulary)},
                new INDArray[] {TokenBatches.mask(source), mask},
                new INDArray[] {mask});
        return net.score();
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
}
