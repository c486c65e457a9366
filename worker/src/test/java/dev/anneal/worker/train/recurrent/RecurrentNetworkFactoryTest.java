package dev.anneal.worker.train.recurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.anneal.worker.config.Nd4jThreads;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

class RecurrentNetworkFactoryTest {

    @BeforeAll
    static void oneThread() {
        Nd4jThreads.limit(1);
    }

    @Test
    void stacksLstmsAndEndsInOneSoftmaxRowPerSequence() {
        MultiLayerNetwork net = RecurrentNetworkFactory.build(
                3, 4, true, new RecurrentSettings(8, 2, 0.25, 1.0), new Adam(0.01), 0, 1e-4, 7);

        var layers = net.getLayerWiseConfigurations().getConfs();
        assertThat(layers).hasSize(3);
        assertThat(layers.get(0).getLayer()).isInstanceOf(LSTM.class);
        assertThat(layers.get(1).getLayer())
                .isInstanceOfSatisfying(
                        LastTimeStep.class,
                        last -> assertThat(last.getUnderlying()).isInstanceOf(LSTM.class));
        assertThat(layers.get(2).getLayer()).isInstanceOf(OutputLayer.class);
        // dropout between layers, never on the raw series; DL4J stores the probability of keeping
        assertThat(((BaseLayer) layers.get(0).getLayer()).getIDropout()).isNull();
        assertThat(((Dropout) ((BaseLayer) layers.get(2).getLayer()).getIDropout()).getP())
                .isCloseTo(0.75, within(1e-12));
        assertThat(((BaseLayer) layers.get(2).getLayer()).getGradientNormalization())
                .isEqualTo(GradientNormalization.ClipL2PerLayer);
        assertThat(net.params().dataType()).isEqualTo(DataType.FLOAT);

        INDArray out = net.output(Nd4j.rand(DataType.FLOAT, 5, 3, 6));
        assertThat(out.shape()).containsExactly(5, 4);
        assertThat(out.sum(1).toDoubleVector()).containsExactly(new double[] {1, 1, 1, 1, 1}, within(1e-5));
    }

    @Test
    void regressionOutputsOneUnboundedValueAndClippingCanBeOff() {
        MultiLayerNetwork net =
                RecurrentNetworkFactory.build(1, 1, false, new RecurrentSettings(4, 1, 0, 0), new Adam(0.01), 0, 0, 7);

        var layers = net.getLayerWiseConfigurations().getConfs();
        assertThat(layers).hasSize(2);
        assertThat(layers.get(0).getLayer()).isInstanceOf(LastTimeStep.class);
        assertThat(((BaseLayer) layers.get(1).getLayer()).getGradientNormalization())
                .isEqualTo(GradientNormalization.None);
        assertThat(net.output(Nd4j.rand(DataType.FLOAT, 2, 1, 12)).shape()).containsExactly(2, 1);
    }

    @Test
    void sameSeedGivesTheSameWeights() {
        var settings = new RecurrentSettings(4, 2, 0.1, 1.0);
        INDArray a = RecurrentNetworkFactory.build(2, 1, false, settings, new Adam(0.01), 0, 0, 3)
                .params();
        INDArray b = RecurrentNetworkFactory.build(2, 1, false, settings, new Adam(0.01), 0, 0, 3)
                .params();
        INDArray c = RecurrentNetworkFactory.build(2, 1, false, settings, new Adam(0.01), 0, 0, 4)
                .params();

        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
    }
}
