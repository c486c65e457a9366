package dev.anneal.worker.train.text;

import dev.anneal.data.text.Vocabulary;
import dev.anneal.spec.JobSpec;
import dev.anneal.spec.catalog.ObjectiveMetrics;
import dev.anneal.spec.catalog.TrialParams;
import dev.anneal.worker.prepare.FeatureEncoder;
import dev.anneal.worker.prepare.PreparedData;
import dev.anneal.worker.prepare.TextEncoder;
import dev.anneal.worker.train.LstmNetworkFactory;
import dev.anneal.worker.train.SupervisedTrainer;
import dev.anneal.worker.train.TrainingMonitor;
import dev.anneal.worker.train.TrainingResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A character language model's training: every step predicts the next character (or the end),
 * scored on the validation texts in bits per character. The kept model is stored with {@value
 * #SAMPLES} texts drawn at temperature {@value #TEMPERATURE}, as a one-column CSV named after the
 * text column.
 */
public final class LanguageModelRun extends SequenceRun {

    public static final int SAMPLES = 20;
    public static final double TEMPERATURE = 0.8;

    /** Validation rows per forward pass: bounds the [rows, vocabulary, steps] output. */
    private static final int EVALUATION_ROWS = 64;

    private static final double LOG2 = Math.log(2);

    private final Vocabulary vocabulary;
    private final String column;
    private final MultiLayerNetwork net;
    private final long seed;

    public LanguageModelRun(PreparedData data, TrialParams params, long seed) {
        super(data, params, seed);
        var text = (TextEncoder) FeatureEncoder.of(data.record().features().get(0));
        this.vocabulary = text.vocabulary();
        this.column = text.column();
        this.net = LstmNetworkFactory.buildLanguageModel(
                vocabulary.size(), data.inputWidth(), params, seed, iterationsPerEpoch());
        train(net);
        this.seed = seed;
    }

    /** Trains a language model trial through the shared epoch loop. */
    public static TrainingResult train(
            PreparedData data, JobSpec spec, TrialParams params, long seed, TrainingMonitor monitor) {
        try (var run = new LanguageModelRun(data, params, seed)) {
            return SupervisedTrainer.train(List.of(run), spec, params, monitor);
        }
    }

    @Override
    protected double fitBatch(int[] order, int start, int end) {
        INDArray x = TokenBatches.ids(data.trainX(), order, start, end);
        INDArray mask = TokenBatches.mask(x);
        net.fit(x, TokenBatches.oneHot(data.trainY(), order, start, end, vocabulary.size()), mask, mask);
        return net.score();
    }

    /**
     * {@code val_bpc}: the mean over every validation character (and each text's end) of −log₂
     * of the probability the model gave it; {@code val_perplexity} = 2^bpc; {@code val_loss} the
     * same mean in nats.
     */
    @Override
    public Map<String, Double> evaluate(double trainLoss) {
        float[][] x = data.validationX();
        float[][] y = data.validationY();
        int[] all = TokenBatches.identity(x.length);
        double nats = 0;
        long steps = 0;
        for (int start = 0; start < x.length; start += EVALUATION_ROWS) {
            int end = Math.min(x.length, start + EVALUATION_ROWS);
            INDArray input = TokenBatches.ids(x, all, start, end);
            INDArray mask = TokenBatches.mask(input);
            INDArray p = net.output(input, false, mask, mask);
            for (int i = start; i < end; i++) {
                for (int t = 0; t < y[i].length; t++) {
                    int label = (int) y[i][t];
                    if (label != Vocabulary.PADDING) {
                        nats -= Math.log(Math.max(1e-12, p.getDouble(i - start, label, t)));
                        steps++;
                    }
                }
            }
        }
        double loss = nats / steps;
        double bpc = loss / LOG2;
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(ObjectiveMetrics.VAL_BPC, bpc);
        metrics.put(ObjectiveMetrics.VAL_PERPLEXITY, Math.pow(2, bpc));
        metrics.put(ObjectiveMetrics.VAL_LOSS, loss);
        metrics.put(ObjectiveMetrics.LOSS, trainLoss);
        return metrics;
    }

    /** {@value #SAMPLES} texts drawn from the kept weights, one column named after the text column. */
    @Override
    protected String samples() {
        List<String> samples =
                TextSampler.sample(net, vocabulary, SAMPLES, TEMPERATURE, data.inputWidth(), seed ^ 0x5A4D_504CL);
        StringBuilder csv = new StringBuilder(column).append('\n');
        samples.forEach(s -> csv.append(csvCell(s)).append('\n'));
        return csv.toString();
    }

    /** Quotes a cell that holds a comma, a quote or a line break, doubling its quotes (RFC 4180). */
    static String csvCell(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
