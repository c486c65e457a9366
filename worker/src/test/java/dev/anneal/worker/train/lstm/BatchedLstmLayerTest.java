package dev.anneal.worker.train.lstm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.worker.config.Nd4jThreads;
import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

class BatchedLstmLayerTest {

    /** Right-padded, left-padded, full and a hole in the middle: every way a step can be masked. */
    private static final double[][] MASK = {
        {1, 1, 1, 0, 0},
        {0, 0, 1, 1, 1},
        {1, 1, 1, 1, 1},
        {1, 0, 1, 1, 0}
    };

    @BeforeAll
    static void oneThread() {
        Nd4jThreads.limit(1);
    }

    // ---- gradients against finite differences (double precision)

    @Test
    void lastStepGradientsMatchFiniteDifferences() {
        inDoublePrecision(() -> {
            INDArray[] data = sumTask(3, 3, 6, DataType.DOUBLE, 1);
            var net = network(DataType.DOUBLE, 0, 3, new BatchedLstmLayer(3, 4), softmax(4));
            assertGradientsMatch(net, data[0], data[1], null, null);
        });
    }

    @Test
    void sequenceGradientsMatchFiniteDifferences() {
        inDoublePrecision(() -> {
            INDArray[] data = sumTask(3, 3, 6, DataType.DOUBLE, 1);
            var net = network(DataType.DOUBLE, 0, 3, new BatchedLstmLayer(3, 4, true), sequenceRegression(4));
            assertGradientsMatch(net, data[0], Nd4j.randn(DataType.DOUBLE, 3, 2, 6), null, null);
        });
    }

    @Test
    void stackedGradientsMatchFiniteDifferences() {
        inDoublePrecision(() -> {
            INDArray[] data = sumTask(3, 3, 6, DataType.DOUBLE, 1);
            var net = network(
                    DataType.DOUBLE, 0, 3, new BatchedLstmLayer(3, 4, true), new BatchedLstmLayer(4, 3), softmax(3));
            assertGradientsMatch(net, data[0], data[1], null, null);
        });
    }

    @Test
    void maskedGradientsMatchFiniteDifferences() {
        inDoublePrecision(() -> {
            INDArray[] data = sumTask(4, 3, 5, DataType.DOUBLE, 2);
            INDArray mask = Nd4j.create(MASK);
            var stacked = network(
                    DataType.DOUBLE, 0, 3, new BatchedLstmLayer(3, 4, true), new BatchedLstmLayer(4, 3), softmax(3));
            assertGradientsMatch(stacked, data[0], data[1], mask, null);
            var sequence = network(DataType.DOUBLE, 0, 3, new BatchedLstmLayer(3, 4, true), sequenceRegression(4));
            assertGradientsMatch(sequence, data[0], Nd4j.randn(DataType.DOUBLE, 4, 2, 5), mask, mask);
        });
    }

    @Test
    void bidirectionalGradientsMatchFiniteDifferences() {
        inDoublePrecision(() -> {
            INDArray[] data = sumTask(4, 3, 5, DataType.DOUBLE, 5);
            INDArray mask = Nd4j.create(MASK);
            var stacked =
                    network(DataType.DOUBLE, 0, 3, bidirectional(3, 4, true), bidirectional(8, 3, false), softmax(6));
            for (INDArray m : new INDArray[] {null, mask}) {
                assertGradientsMatch(stacked, data[0], data[1], m, null);
            }
            var sequence = network(DataType.DOUBLE, 0, 3, bidirectional(3, 4, true), sequenceRegression(8));
            assertGradientsMatch(sequence, data[0], Nd4j.randn(DataType.DOUBLE, 4, 2, 5), mask, mask);
        });
    }

    // ---- what it computes

    /**
     * A bidirectional layer's first half is a forward layer with its forward weights; its second
     * half is a forward layer with its backward weights run on each row's real steps reversed
     * (read at the step each output belongs to).
     */
    @Test
    void bidirectionalIsAForwardAndABackwardLayerSideBySide() {
        inDoublePrecision(() -> {
            INDArray[] data = sumTask(4, 3, 5, DataType.DOUBLE, 6);
            var both = network(DataType.DOUBLE, 0, 3, bidirectional(3, 4, true), sequenceRegression(8));
            var forward = network(DataType.DOUBLE, 0, 3, new BatchedLstmLayer(3, 4, true), sequenceRegression(4));
            var backward = network(DataType.DOUBLE, 0, 3, new BatchedLstmLayer(3, 4, true), sequenceRegression(4));
            for (String key : new String[] {"W", "RW", "b"}) {
                forward.getParam("0_" + key).assign(both.getParam("0_" + key));
                backward.getParam("0_" + key).assign(both.getParam("0_b" + key));
            }
            INDArray out = both.feedForwardToLayer(0, data[0], false).get(1);
            var half = NDArrayIndex.interval(0, 4);
            var other = NDArrayIndex.interval(4, 8);
            assertClose(
                    out.get(NDArrayIndex.all(), half, NDArrayIndex.all()),
                    forward.feedForwardToLayer(0, data[0], false).get(1));
            for (int r = 0; r < MASK.length; r++) {
                int row = r;
                long[] kept = java.util.stream.LongStream.range(0, MASK[r].length)
                        .filter(s -> MASK[row][(int) s] != 0)
                        .toArray();
                long[] reversed = java.util.stream.LongStream.range(0, kept.length)
                        .map(i -> kept[kept.length - 1 - (int) i])
                        .toArray();
                INDArray alone = data[0].get(
                                NDArrayIndex.interval(r, r + 1), NDArrayIndex.all(), NDArrayIndex.indices(reversed))
                        .dup();
                INDArray read = backward.feedForwardToLayer(0, alone, false).get(1);
                both.setLayerMaskArrays(Nd4j.create(new double[][] {MASK[r]}), null);
                INDArray masked = both.feedForwardToLayer(
                                0,
                                data[0].get(NDArrayIndex.interval(r, r + 1), NDArrayIndex.all(), NDArrayIndex.all())
                                        .dup(),
                                false)
                        .get(1);
                both.clearLayerMaskArrays();
                for (int i = 0; i < kept.length; i++) {
                    // the backward LSTM's output at real step kept[i] is the one after reading from the end back to it
                    assertClose(
                            masked.get(NDArrayIndex.point(0), other, NDArrayIndex.point(kept[i])),
                            read.get(
                                    NDArrayIndex.point(0),
                                    NDArrayIndex.all(),
                                    NDArrayIndex.point(kept.length - 1 - i)));
                }
            }
        });
    }

    private static BatchedLstmLayer bidirectional(int nIn, int units, boolean sequences) {
        return new BatchedLstmLayer.Builder()
                .nIn(nIn)
                .nOut(units)
                .returnSequences(sequences)
                .bidirectional(true)
                .build();
    }

    /**
     * The same weights in DL4J's own LSTM (+ LastTimeStep) give the same outputs and gradients; with
     * right padding, where DL4J's zeroing of masked steps and this layer's carrying agree.
     */
    @Test
    void computesWhatDl4jsLstmComputes() {
        inDoublePrecision(() -> {
            INDArray[] data = sumTask(4, 3, 7, DataType.DOUBLE, 3);
            INDArray mask = Nd4j.create(new double[][] {
                {1, 1, 1, 1, 1, 1, 1}, {1, 1, 1, 1, 0, 0, 0}, {1, 0, 0, 0, 0, 0, 0}, {1, 1, 1, 1, 1, 1, 0}
            });
            var dl4j = network(
                    DataType.DOUBLE,
                    0,
                    3,
                    new LastTimeStep(new LSTM.Builder()
                            .nIn(3)
                            .nOut(5)
                            .activation(Activation.TANH)
                            .build()),
                    softmax(5));
            var batched = network(DataType.DOUBLE, 0, 3, new BatchedLstmLayer(3, 5), softmax(5));
            for (String key : new String[] {"W", "RW", "b"}) {
                INDArray from = dl4j.getParam("0_" + key);
                INDArray to = batched.getParam("0_" + key);
                for (int gate = 0; gate < 4; gate++) {
                    block(to, gate, 5).assign(block(from, DL4J_GATE[gate], 5));
                }
            }
            batched.getLayer(1).params().assign(dl4j.getLayer(1).params());

            for (INDArray m : new INDArray[] {null, mask}) {
                assertClose(batched.output(data[0], false, m, null), dl4j.output(data[0], false, m, null));
                Map<String, INDArray> expected = gradient(dl4j, data[0], data[1], m);
                Map<String, INDArray> actual = gradient(batched, data[0], data[1], m);
                for (String key : new String[] {"W", "RW", "b"}) {
                    for (int gate = 0; gate < 4; gate++) {
                        assertClose(
                                block(actual.get("0_" + key), gate, 5),
                                block(expected.get("0_" + key), DL4J_GATE[gate], 5));
                    }
                }
            }
        });
    }

    /** DL4J's LSTM orders its gate blocks candidate, forget, output, input; this layer input, forget, candidate, output. */
    private static final int[] DL4J_GATE = {3, 1, 0, 2};

    private static INDArray block(INDArray params, int gate, int units) {
        INDArray matrix = params.rank() == 1 ? params.reshape(1, params.length()) : params;
        return matrix.get(NDArrayIndex.all(), NDArrayIndex.interval(gate * units, (gate + 1) * units));
    }

    @Test
    void paddingChangesNeitherOutputsNorGradients() {
        inDoublePrecision(() -> {
            INDArray[] data = sumTask(4, 3, 5, DataType.DOUBLE, 4);
            INDArray mask = Nd4j.create(MASK);
            var net = network(
                    DataType.DOUBLE, 0, 3, new BatchedLstmLayer(3, 4, true), new BatchedLstmLayer(4, 3), softmax(3));
            INDArray garbage = data[0].dup();
            for (int r = 0; r < MASK.length; r++) {
                for (int s = 0; s < MASK[r].length; s++) {
                    if (MASK[r][s] == 0) {
                        garbage.get(NDArrayIndex.point(r), NDArrayIndex.all(), NDArrayIndex.point(s))
                                .assign(Nd4j.randn(DataType.DOUBLE, 3).muli(100));
                    }
                }
            }
            INDArray output = net.output(data[0], false, mask, null);
            assertThat(net.output(garbage, false, mask, null)).isEqualTo(output);
            assertThat(gradient(net, garbage, data[1], mask)).isEqualTo(gradient(net, data[0], data[1], mask));

            // a row alone, its masked steps left out, gives the row's output
            for (int r = 0; r < MASK.length; r++) {
                int row = r;
                long[] kept = java.util.stream.LongStream.range(0, MASK[r].length)
                        .filter(s -> MASK[row][(int) s] != 0)
                        .toArray();
                INDArray alone = data[0].get(
                                NDArrayIndex.interval(r, r + 1), NDArrayIndex.all(), NDArrayIndex.indices(kept))
                        .dup();
                assertClose(net.output(alone, false), output.getRow(r, true));
            }
        });
    }

    // ---- training in float, as the worker runs it

    @Test
    void learnsWhetherTheFirstFeatureSumsPositive() {
        INDArray[] train = sumTask(1024, 2, 20, DataType.FLOAT, 2);
        INDArray[] test = sumTask(512, 2, 20, DataType.FLOAT, 3);
        var net = network(DataType.FLOAT, 1e-2, 2, new BatchedLstmLayer(2, 16), softmax(16));
        double before = net.score(new org.nd4j.linalg.dataset.DataSet(test[0], test[1]));
        fitEpochs(net, train[0], train[1], 6, 32);
        assertThat(net.score(new org.nd4j.linalg.dataset.DataSet(test[0], test[1])))
                .isLessThan(before / 3);
        assertThat(accuracy(net, test[0], test[1])).isGreaterThan(0.9);
    }

    /** Stacked as LstmNetworkFactory stacks them: dropout between the layers and before the output. */
    @Test
    void stackedLayersWithDropoutLearn() {
        INDArray[] train = sumTask(1024, 2, 20, DataType.FLOAT, 4);
        var net = network(
                DataType.FLOAT,
                1e-2,
                2,
                new BatchedLstmLayer(2, 12, true),
                new DropoutLayer.Builder(0.9).build(),
                new BatchedLstmLayer(12, 12),
                new DropoutLayer.Builder(0.9).build(),
                softmax(12));
        fitEpochs(net, train[0], train[1], 6, 32);
        INDArray[] test = sumTask(512, 2, 20, DataType.FLOAT, 5);
        assertThat(accuracy(net, test[0], test[1])).isGreaterThan(0.9);
    }

    @Test
    void savedAndRestoredNetworkGivesIdenticalOutputs(@TempDir Path dir) throws Exception {
        INDArray[] data = sumTask(64, 2, 10, DataType.FLOAT, 6);
        var net = network(
                DataType.FLOAT, 1e-2, 2, new BatchedLstmLayer(2, 8, true), new BatchedLstmLayer(8, 8), softmax(8));
        fitEpochs(net, data[0], data[1], 1, 32);
        File file = dir.resolve("batched.zip").toFile();
        ModelSerializer.writeModel(net, file, true);
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(file, true);
        Layer first = restored.getLayerWiseConfigurations().getConf(0).getLayer();
        assertThat(first).isInstanceOf(BatchedLstmLayer.class);
        assertThat(((BatchedLstmLayer) first).isReturnSequences()).isTrue();
        assertThat(((BatchedLstmLayer)
                                restored.getLayerWiseConfigurations().getConf(1).getLayer())
                        .isReturnSequences())
                .isFalse();
        assertThat(restored.params()).isEqualTo(net.params());
        assertThat(restored.output(data[0])).isEqualTo(net.output(data[0]));
        fitEpochs(restored, data[0], data[1], 1, 32); // restored updater state keeps training
        fitEpochs(net, data[0], data[1], 1, 32);
        assertThat(restored.params()).isEqualTo(net.params());
    }

    // ---- helpers

    private static OutputLayer softmax(int nIn) {
        return new OutputLayer.Builder(LossFunction.MCXENT)
                .nIn(nIn)
                .nOut(2)
                .activation(Activation.SOFTMAX)
                .build();
    }

    private static RnnOutputLayer sequenceRegression(int nIn) {
        return new RnnOutputLayer.Builder(LossFunction.MSE)
                .nIn(nIn)
                .nOut(2)
                .activation(Activation.IDENTITY)
                .build();
    }

    private static MultiLayerNetwork network(DataType type, double learningRate, int nIn, Layer... layers) {
        var list = new NeuralNetConfiguration.Builder()
                .seed(42)
                .dataType(type)
                .updater(learningRate > 0 ? new Adam(learningRate) : new NoOp())
                .list();
        for (Layer layer : layers) {
            list.layer(layer);
        }
        var net = new MultiLayerNetwork(
                list.setInputType(InputType.recurrent(nIn)).build());
        net.init();
        return net;
    }

    /** Sequences [n, nIn, t]; label 1 when the first feature sums to more than 0. */
    private static INDArray[] sumTask(int n, int nIn, int t, DataType type, long seed) {
        Nd4j.getRandom().setSeed(seed);
        INDArray x = Nd4j.randn(type, n, nIn, t);
        INDArray positive = x.get(NDArrayIndex.all(), NDArrayIndex.point(0), NDArrayIndex.all())
                .sum(1)
                .gt(0)
                .castTo(type);
        INDArray y = Nd4j.hstack(positive.rsub(1).reshape(n, 1), positive.reshape(n, 1));
        return new INDArray[] {x, y};
    }

    private static double accuracy(MultiLayerNetwork net, INDArray x, INDArray y) {
        return net.output(x)
                .argMax(1)
                .eq(y.argMax(1))
                .castTo(DataType.DOUBLE)
                .meanNumber()
                .doubleValue();
    }

    private static void fitEpochs(MultiLayerNetwork net, INDArray x, INDArray y, int epochs, int batch) {
        int n = (int) x.size(0);
        for (int e = 0; e < epochs; e++) {
            for (int i = 0; i < n; i += batch) {
                var rows = NDArrayIndex.interval(i, Math.min(n, i + batch));
                net.fit(x.get(rows).dup(), y.get(rows).dup());
            }
        }
    }

    /** Every parameter's gradient, copied out of the network's (reused) gradient view. */
    private static Map<String, INDArray> gradient(MultiLayerNetwork net, INDArray x, INDArray y, INDArray mask) {
        net.setInput(x);
        net.setLabels(y);
        net.setLayerMaskArrays(mask, null);
        net.computeGradientAndScore();
        net.clearLayerMaskArrays();
        Map<String, INDArray> copy = new LinkedHashMap<>();
        net.gradient().gradientForVariable().forEach((k, v) -> copy.put(k, v.dup()));
        return copy;
    }

    private static void assertClose(INDArray actual, INDArray expected) {
        assertThat(actual.shape()).isEqualTo(expected.shape());
        double diff = actual.sub(expected).norm1Number().doubleValue();
        double scale = expected.norm1Number().doubleValue();
        assertThat(diff).isLessThanOrEqualTo(1e-9 * Math.max(1, scale));
    }

    private static void assertGradientsMatch(
            MultiLayerNetwork net, INDArray input, INDArray labels, INDArray inputMask, INDArray labelMask) {
        boolean ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig()
                .net(net)
                .input(input)
                .labels(labels)
                .inputMask(inputMask)
                .labelMask(labelMask)
                .epsilon(1e-6)
                .maxRelError(1e-5)
                .minAbsoluteError(1e-9));
        assertThat(ok).isTrue();
    }

    /** Gradient checks need double precision everywhere, and must not leave it behind for other tests. */
    private static void inDoublePrecision(Runnable check) {
        DataType previous = Nd4j.dataType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        try {
            check.run();
        } finally {
            Nd4j.setDefaultDataTypes(previous, previous);
        }
    }
}
