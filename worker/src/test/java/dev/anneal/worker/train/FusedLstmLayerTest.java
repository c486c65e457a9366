package dev.anneal.worker.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.worker.config.Nd4jThreads;
import java.io.File;
import java.nio.file.Path;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

class FusedLstmLayerTest {

    @BeforeAll
    static void oneThread() {
        Nd4jThreads.limit(1);
    }

    private static MultiLayerNetwork net(Layer recurrent, int nIn, int nOut, int classes, DataType type, double lr) {
        var conf = new NeuralNetConfiguration.Builder()
                .seed(42)
                .dataType(type)
                .updater(lr > 0 ? new Adam(lr) : new NoOp())
                .list()
                .layer(recurrent)
                .layer(new OutputLayer.Builder(LossFunction.MCXENT)
                        .nIn(nOut)
                        .nOut(classes)
                        .activation(Activation.SOFTMAX)
                        .build())
                .setInputType(InputType.recurrent(nIn))
                .build();
        var net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /** Sequences [n, nIn, t]; label 1 when the first feature sums to more than 0. */
    private static INDArray[] sumTask(int n, int nIn, int t, DataType type, long seed) {
        Nd4j.getRandom().setSeed(seed);
        INDArray x = Nd4j.randn(type, n, nIn, t);
        INDArray positive = x.get(
                        org.nd4j.linalg.indexing.NDArrayIndex.all(),
                        org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                        org.nd4j.linalg.indexing.NDArrayIndex.all())
                .sum(1)
                .gt(0)
                .castTo(type);
        INDArray y = Nd4j.hstack(positive.rsub(1).reshape(n, 1), positive.reshape(n, 1));
        return new INDArray[] {x, y};
    }

    private static double accuracy(MultiLayerNetwork net, INDArray x, INDArray y) {
        INDArray out = net.output(x);
        return out.argMax(1)
                .eq(y.argMax(1))
                .castTo(DataType.DOUBLE)
                .meanNumber()
                .doubleValue();
    }

    private static void fitEpochs(MultiLayerNetwork net, INDArray x, INDArray y, int epochs, int batch) {
        int n = (int) x.size(0);
        for (int e = 0; e < epochs; e++) {
            for (int i = 0; i < n; i += batch) {
                var rows = org.nd4j.linalg.indexing.NDArrayIndex.interval(i, Math.min(n, i + batch));
                net.fit(x.get(rows).dup(), y.get(rows).dup());
            }
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        inDoublePrecision(() -> {
            INDArray[] data = sumTask(2, 3, 5, DataType.DOUBLE, 1);
            assertGradientsMatch(net(new FusedLstmLayer(3, 4), 3, 4, 2, DataType.DOUBLE, 0), data[0], data[1]);
        });
    }

    @Test
    void fullSequenceGradients() {
        inDoublePrecision(() -> {
            INDArray[] data = sumTask(2, 3, 5, DataType.DOUBLE, 1);
            var net = doubleNet(
                    new FusedLstmLayer(3, 4, true),
                    new org.deeplearning4j.nn.conf.layers.RnnOutputLayer.Builder(LossFunction.MSE)
                            .nIn(4)
                            .nOut(2)
                            .activation(Activation.IDENTITY)
                            .build());
            assertGradientsMatch(net, data[0], Nd4j.randn(DataType.DOUBLE, 2, 2, 5));
        });
    }

    @Test
    void stackedGradients() {
        inDoublePrecision(() -> {
            INDArray[] data = sumTask(2, 3, 5, DataType.DOUBLE, 1);
            var net = doubleNet(
                    new FusedLstmLayer(3, 4, true),
                    new FusedLstmLayer(4, 3),
                    new OutputLayer.Builder(LossFunction.MCXENT)
                            .nIn(3)
                            .nOut(2)
                            .activation(Activation.SOFTMAX)
                            .build());
            assertGradientsMatch(net, data[0], data[1]);
        });
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

    private static MultiLayerNetwork doubleNet(org.deeplearning4j.nn.conf.layers.Layer... layers) {
        var list = new NeuralNetConfiguration.Builder()
                .seed(42)
                .dataType(DataType.DOUBLE)
                .updater(new NoOp())
                .list();
        for (var layer : layers) {
            list.layer(layer);
        }
        var net =
                new MultiLayerNetwork(list.setInputType(InputType.recurrent(3)).build());
        net.init();
        return net;
    }

    private static void assertGradientsMatch(MultiLayerNetwork net, INDArray input, INDArray labels) {
        boolean ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig()
                .net(net)
                .input(input)
                .labels(labels)
                .epsilon(1e-6)
                .maxRelError(1e-3)
                .minAbsoluteError(1e-8));
        assertThat(ok).isTrue();
    }

    @Test
    void learnsWhetherTheFirstFeatureSumsPositive() {
        INDArray[] train = sumTask(1024, 2, 20, DataType.FLOAT, 2);
        INDArray[] test = sumTask(512, 2, 20, DataType.FLOAT, 3);
        var net = net(new FusedLstmLayer(2, 16), 2, 16, 2, DataType.FLOAT, 1e-2);
        fitEpochs(net, train[0], train[1], 6, 32);
        assertThat(accuracy(net, test[0], test[1])).isGreaterThan(0.9);
    }

    @Test
    void fullSequenceVariantStacks() {
        INDArray[] train = sumTask(1024, 2, 20, DataType.FLOAT, 4);
        var conf = new NeuralNetConfiguration.Builder()
                .seed(7)
                .dataType(DataType.FLOAT)
                .updater(new Adam(1e-2))
                .list()
                .layer(new FusedLstmLayer(2, 12, true))
                .layer(new FusedLstmLayer(12, 12))
                .layer(new OutputLayer.Builder(LossFunction.MCXENT)
                        .nIn(12)
                        .nOut(2)
                        .activation(Activation.SOFTMAX)
                        .build())
                .setInputType(InputType.recurrent(2))
                .build();
        var net = new MultiLayerNetwork(conf);
        net.init();
        fitEpochs(net, train[0], train[1], 6, 32);
        INDArray[] test = sumTask(512, 2, 20, DataType.FLOAT, 5);
        assertThat(accuracy(net, test[0], test[1])).isGreaterThan(0.9);
    }

    @Test
    void savedAndRestoredNetworkGivesIdenticalOutputs(@TempDir Path dir) throws Exception {
        INDArray[] data = sumTask(64, 2, 10, DataType.FLOAT, 6);
        var net = net(new FusedLstmLayer(2, 8), 2, 8, 2, DataType.FLOAT, 1e-2);
        fitEpochs(net, data[0], data[1], 1, 32);
        File file = dir.resolve("fused.zip").toFile();
        ModelSerializer.writeModel(net, file, true);
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(file, true);
        assertThat(restored.getLayerWiseConfigurations().getConf(0).getLayer()).isInstanceOf(FusedLstmLayer.class);
        assertThat(restored.output(data[0])).isEqualTo(net.output(data[0]));
        assertThat(restored.params()).isEqualTo(net.params());
        fitEpochs(restored, data[0], data[1], 1, 32); // restored updater state keeps training
    }
}
