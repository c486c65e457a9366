package dev.anneal.worker.train.dense;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/**
 * The dense path against DL4J itself: the same network, the same rows, step after step, must give
 * the same parameters and scores (to float rounding) for every activation, optimizer, penalty and
 * loss it claims to reproduce; and anything it does not reproduce must be left to DL4J.
 */
class DenseStackTest {

    private static final int ROWS = 24;
    private static final int INPUTS = 7;
    private static final int CLASSES = 4;

    enum Penalty {
        NONE,
        L2,
        L1,
        WEIGHT_DECAY,
        CLIP
    }

    @ParameterizedTest
    @EnumSource(
            value = Activation.class,
            names = {"RELU", "LEAKYRELU", "ELU", "SELU", "GELU", "SWISH", "TANH", "SIGMOID"})
    void everyActivationTrainsAsDl4jDoes(Activation activation) {
        compare(activation, new Adam(0.01), Penalty.NONE, true);
    }

    static List<IUpdater> updaters() {
        return List.of(
                new Sgd(0.1),
                new Nesterovs(0.05, 0.9),
                new RmsProp(0.01),
                new Adam(0.01),
                new Adam(new ExponentialSchedule(ScheduleType.ITERATION, 0.02, 0.9)));
    }

    @ParameterizedTest
    @MethodSource("updaters")
    void everyOptimizerStepsAsDl4jDoes(IUpdater updater) {
        compare(Activation.TANH, updater, Penalty.NONE, true);
        compare(Activation.RELU, updater, Penalty.NONE, false);
    }

    @ParameterizedTest
    @EnumSource(Penalty.class)
    void penaltiesAndClippingApplyAsInDl4j(Penalty penalty) {
        compare(Activation.RELU, new Adam(0.01), penalty, true);
        compare(Activation.SIGMOID, new Sgd(0.5), penalty, false);
    }

    @Test
    void leavesBatchNormalizationToDl4j() {
        var list = new NeuralNetConfiguration.Builder()
                .seed(1)
                .dataType(DataType.FLOAT)
                .list()
                .layer(new DenseLayer.Builder()
                        .nIn(INPUTS)
                        .nOut(8)
                        .activation(Activation.RELU)
                        .build())
                .layer(new BatchNormalization.Builder().nOut(8).build())
                .layer(new OutputLayer.Builder(LossFunction.MCXENT)
                        .nIn(8)
                        .nOut(CLASSES)
                        .activation(Activation.SOFTMAX)
                        .build());
        var net = new MultiLayerNetwork(list.build());
        net.init();
        assertThat(DenseStack.of(net, ROWS, 1)).isEmpty();
    }

    @Test
    void dropoutTrainsOnlyWhileFittingAndStillLearns() {
        MultiLayerNetwork net = network(Activation.RELU, new Adam(0.02), Penalty.NONE, true, 0.7);
        float[][] x = features(3);
        float[][] y = labels(x, true);
        try (var stack = DenseStack.of(net, ROWS, 9).orElseThrow()) {
            // inference never drops: two passes agree, and agree with DL4J's output
            assertClose(stack.output(x), stack.output(x), 0);
            assertClose(stack.output(x), net.output(Nd4j.create(x)).toFloatMatrix(), 1e-5);
            double first = stack.fit(x, y);
            double last = first;
            for (int i = 0; i < 300; i++) {
                last = stack.fit(x, y);
            }
            assertThat(last).isLessThan(first * 0.5);
            // the trained weights are the network's: DL4J predicts with them
            assertClose(stack.output(x), net.output(Nd4j.create(x)).toFloatMatrix(), 1e-5);
        }
    }

    private static void compare(Activation activation, IUpdater updater, Penalty penalty, boolean classification) {
        MultiLayerNetwork reference = network(activation, updater, penalty, classification, 1.0);
        MultiLayerNetwork trained = reference.clone();
        float[][] x = features(activation.ordinal());
        float[][] y = labels(x, classification);
        INDArray features = Nd4j.create(x);
        INDArray labels = Nd4j.create(y);
        int[] order = new int[ROWS];
        for (int i = 0; i < ROWS; i++) {
            order[i] = (i * 7) % ROWS;
        }
        String label = activation + " " + updater + " " + penalty + (classification ? " softmax" : " mse");
        try (var stack = DenseStack.of(trained, ROWS, 1).orElseThrow()) {
            assertClose(stack.output(x), reference.output(features).toFloatMatrix(), 1e-5);
            for (int step = 0; step < 5; step++) {
                int from = step % 2 == 0 ? 0 : 8;
                int to = step % 2 == 0 ? ROWS : 20;
                int[] rows = java.util.Arrays.copyOfRange(order, from, to);
                reference.fit(Nd4j.pullRows(features, 1, rows), Nd4j.pullRows(labels, 1, rows));
                double score = stack.fit(x, y, order, from, to);
                assertThat(score)
                        .as(label + " score at step " + step)
                        .isCloseTo(reference.score(), org.assertj.core.data.Percentage.withPercentage(0.01));
                float[] expected = reference.params().toFloatVector();
                float[] actual = trained.params().toFloatVector();
                for (int i = 0; i < expected.length; i++) {
                    assertThat((double) actual[i])
                            .as(label + " parameter " + i + " after step " + step)
                            .isCloseTo(
                                    expected[i],
                                    org.assertj.core.data.Offset.offset(2e-5 + 2e-4 * Math.abs(expected[i])));
                }
            }
        }
    }

    private static MultiLayerNetwork network(
            Activation activation, IUpdater updater, Penalty penalty, boolean classification, double keep) {
        var builder = new NeuralNetConfiguration.Builder()
                .seed(42)
                .dataType(DataType.FLOAT)
                .updater(updater)
                .weightInit(WeightInit.XAVIER);
        switch (penalty) {
            case L2 -> builder.l2(0.01);
            case L1 -> builder.l1(0.001);
            case WEIGHT_DECAY -> builder.weightDecay(0.05, true);
            case CLIP ->
                builder.gradientNormalization(GradientNormalization.ClipL2PerLayer)
                        .gradientNormalizationThreshold(0.05);
            case NONE -> {}
        }
        var list = builder.list();
        int width = INPUTS;
        for (int units : new int[] {9, 6}) {
            var dense = new DenseLayer.Builder().nIn(width).nOut(units).activation(activation);
            if (keep < 1) {
                dense.dropOut(keep);
            }
            list.layer(dense.build());
            width = units;
        }
        list.layer(new OutputLayer.Builder(classification ? LossFunction.MCXENT : LossFunction.MSE)
                .nIn(width)
                .nOut(classification ? CLASSES : 1)
                .activation(classification ? Activation.SOFTMAX : Activation.IDENTITY)
                .build());
        var net = new MultiLayerNetwork(list.build());
        net.init();
        return net;
    }

    private static float[][] features(int seed) {
        Random random = new Random(seed);
        float[][] x = new float[ROWS][INPUTS];
        for (float[] row : x) {
            for (int j = 0; j < INPUTS; j++) {
                row[j] = (float) random.nextGaussian();
            }
        }
        return x;
    }

    /** Labels that depend on the features, so training has something to learn. */
    private static float[][] labels(float[][] x, boolean classification) {
        float[][] y = new float[x.length][];
        for (int i = 0; i < x.length; i++) {
            float s = x[i][0] + 0.5f * x[i][1] - x[i][2];
            if (classification) {
                y[i] = new float[CLASSES];
                y[i][Math.floorMod((int) Math.floor(s), CLASSES)] = 1f;
            } else {
                y[i] = new float[] {s};
            }
        }
        return y;
    }

    private static void assertClose(float[][] actual, float[][] expected, double tolerance) {
        assertThat(actual.length).isEqualTo(expected.length);
        for (int i = 0; i < actual.length; i++) {
            for (int j = 0; j < actual[i].length; j++) {
                assertThat((double) actual[i][j])
                        .as("row " + i + " column " + j)
                        .isCloseTo(expected[i][j], org.assertj.core.data.Offset.offset(tolerance));
            }
        }
    }
}
