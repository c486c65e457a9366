package dev.anneal.worker.train.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.spec.catalog.TrialParams;
import dev.anneal.worker.config.Nd4jThreads;
import dev.anneal.worker.train.InputShape;
import dev.anneal.worker.train.LstmNetworkFactory;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Padding is invisible: the same texts padded to 7 or to 19 tokens give the same outputs, the
 * same loss and the same gradient for every parameter (the embedding included), through a
 * stacked text network exactly as training builds it.
 */
class TextMaskingTest {

    private static final int VOCABULARY = 12;

    /** Three texts of 7, 3 and 1 tokens (ids >= 3), right-padded with 0. */
    private static final float[][] TEXTS = {
        {3, 4, 5, 6, 7, 8, 9}, {10, 11, 4, 0, 0, 0, 0}, {5, 0, 0, 0, 0, 0, 0},
    };

    private static final float[][] LABELS = {{1, 0}, {0, 1}, {1, 0}};

    @BeforeAll
    static void oneThread() {
        Nd4jThreads.limit(1);
    }

    private static MultiLayerNetwork network(int maxLength) {
        return network(maxLength, "last");
    }

    /** {@code readout}, or {@code readout+bidirectional} for a bidirectional stack. */
    private static MultiLayerNetwork network(int maxLength, String readout) {
        var params = new TrialParams(Map.of(
                "maxLength",
                (long) maxLength,
                "embeddingSize",
                5L,
                "units",
                6L,
                "hiddenLayers",
                2L,
                "readout",
                readout.replace("+bidirectional", ""),
                "bidirectional",
                readout.endsWith("+bidirectional")));
        return LstmNetworkFactory.buildText(VOCABULARY, 2, true, params, 11, 1);
    }

    private static INDArray padded(int length) {
        float[][] rows = new float[TEXTS.length][length];
        for (int i = 0; i < TEXTS.length; i++) {
            System.arraycopy(TEXTS[i], 0, rows[i], 0, TEXTS[i].length);
        }
        return Nd4j.create(rows);
    }

    /** Output, score and gradient of {@code net} for the texts padded to {@code length}. */
    private static INDArray[] pass(MultiLayerNetwork net, int length) {
        INDArray input = padded(length);
        INDArray mask = new InputShape.Tokens(length).mask(input);
        INDArray output = net.output(input, false, mask, null);
        net.setInput(input);
        net.setLabels(Nd4j.create(LABELS));
        net.setLayerMaskArrays(mask, null);
        net.computeGradientAndScore();
        INDArray gradient = net.gradient().gradient().dup();
        net.clearLayerMaskArrays();
        return new INDArray[] {output, Nd4j.scalar(net.score()), gradient};
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {"last", "max", "mean", "last+bidirectional", "max+bidirectional", "mean+bidirectional"})
    void extraPaddingChangesNeitherOutputsNorGradients(String readout) {
        MultiLayerNetwork short7 = network(7, readout);
        MultiLayerNetwork long19 = network(19, readout);
        long19.setParams(short7.params().dup());

        INDArray[] a = pass(short7, 7);
        INDArray[] b = pass(long19, 19);

        assertThat(a[0].castTo(DataType.DOUBLE).equalsWithEps(b[0].castTo(DataType.DOUBLE), 1e-6))
                .as("outputs %s vs %s", a[0], b[0])
                .isTrue();
        assertThat(a[1].getDouble(0)).isCloseTo(b[1].getDouble(0), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(a[2].length()).isEqualTo(b[2].length());
        assertThat(a[2].castTo(DataType.DOUBLE).equalsWithEps(b[2].castTo(DataType.DOUBLE), 1e-6))
                .as(
                        "gradients differ by up to %s",
                        a[2].castTo(DataType.DOUBLE)
                                .sub(b[2].castTo(DataType.DOUBLE))
                                .amaxNumber())
                .isTrue();
        // and the gradient is not trivially zero
        assertThat(a[2].amaxNumber().doubleValue()).isGreaterThan(1e-4);
    }

    /** Dropout between stacked layers and before the output trains on masked batches for every readout. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"last", "max", "mean", "language-model"})
    void maskedBatchesTrainWithDropout(String readout) {
        var values = new java.util.HashMap<String, Object>(
                Map.of("maxLength", 7L, "embeddingSize", 5L, "units", 6L, "hiddenLayers", 2L, "dropout", 0.3));
        INDArray input = padded(7);
        INDArray mask = new InputShape.Tokens(7).mask(input);
        MultiLayerNetwork net;
        INDArray labels;
        if (readout.equals("language-model")) {
            net = LstmNetworkFactory.buildLanguageModel(VOCABULARY, 7, new TrialParams(values), 11, 1);
            labels = Nd4j.zeros(DataType.FLOAT, 3, VOCABULARY, 7);
            labels.putScalar(new int[] {0, 4, 0}, 1);
        } else {
            values.put("readout", readout);
            net = LstmNetworkFactory.buildText(VOCABULARY, 2, true, new TrialParams(values), 11, 1);
            labels = Nd4j.create(LABELS);
        }
        INDArray before = net.params().dup();
        net.fit(input, labels, mask, readout.equals("language-model") ? mask : null);
        assertThat(Double.isFinite(net.score())).isTrue();
        assertThat(net.params().equalsWithEps(before, 1e-9)).isFalse();
    }

    @Test
    void withoutTheMaskPaddingWouldChangeTheOutput() {
        // the control: the same texts unmasked do differ, so the test above can fail
        MultiLayerNetwork short7 = network(7);
        MultiLayerNetwork long19 = network(19);
        long19.setParams(short7.params().dup());
        INDArray a = short7.output(padded(7), false, null, null);
        INDArray b = long19.output(padded(19), false, null, null);
        assertThat(a.castTo(DataType.DOUBLE).equalsWithEps(b.castTo(DataType.DOUBLE), 1e-4))
                .isFalse();
    }
}
