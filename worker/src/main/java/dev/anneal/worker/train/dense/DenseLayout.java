package dev.anneal.worker.train.dense;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.learning.regularization.L1Regularization;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.learning.regularization.WeightDecay;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * A DL4J network read as the dense path sees it: fully connected hidden layers, then a softmax
 * cross-entropy or linear MSE output, with where each layer's weights and biases sit in the
 * network's flattened parameters. Read from the network's own configuration (not from the trial's
 * parameters), so the fast path trains exactly the network that is stored; anything it does not
 * reproduce (batch normalization, constraints, weight noise, other losses or updaters) leaves the
 * network to DL4J.
 */
record DenseLayout(List<Layer> layers, boolean softmax) {

    /**
     * One fully connected layer. Weights are DL4J's column-major {@code [nIn, nOut]}, which is
     * row-major {@code [nOut, nIn]}: row {@code j} holds unit {@code j}'s input weights.
     *
     * @param activation {@code null} for the output layer (softmax or identity)
     * @param keep probability of keeping each input (DL4J's dropout acts on a layer's input); 1 for none
     * @param clip largest L2 norm of the layer's gradient; 0 for no clipping
     */
    record Layer(
            int nIn,
            int nOut,
            int weightOffset,
            int biasOffset,
            HiddenActivation.Configured activation,
            float keep,
            IUpdater updater,
            List<Regularization> weightRegularization,
            List<Regularization> biasRegularization,
            double clip) {

        int parameterCount() {
            return nIn * nOut + nOut;
        }
    }

    int inputs() {
        return layers.get(0).nIn();
    }

    int outputs() {
        return layers.get(layers.size() - 1).nOut();
    }

    int widest() {
        int widest = 0;
        for (Layer layer : layers) {
            widest = Math.max(widest, Math.max(layer.nIn(), layer.nOut()));
        }
        return widest;
    }

    int largestWeights() {
        return layers.stream().mapToInt(l -> l.nIn() * l.nOut()).max().orElseThrow();
    }

    int parameterCount() {
        return layers.stream().mapToInt(Layer::parameterCount).sum();
    }

    /** The network's layout, or empty if any part of it is outside what the dense path reproduces. */
    static Optional<DenseLayout> of(MultiLayerNetwork net) {
        var conf = net.getLayerWiseConfigurations();
        if (conf.getDataType() != DataType.FLOAT
                || !conf.getInputPreProcessors().isEmpty()
                || net.params().dataType() != DataType.FLOAT) {
            return Optional.empty();
        }
        int count = conf.getConfs().size();
        List<Layer> layers = new ArrayList<>();
        int offset = 0;
        boolean softmax = false;
        for (int i = 0; i < count; i++) {
            NeuralNetConfiguration layerConf = conf.getConf(i);
            if (!layerConf.isMiniBatch()) {
                return Optional.empty();
            }
            var layer = layerConf.getLayer();
            boolean last = i == count - 1;
            HiddenActivation.Configured activation = null;
            if (last) {
                if (!(layer instanceof OutputLayer out) || !out.hasBias() || out.getIDropout() != null) {
                    return Optional.empty();
                }
                if (out.getLossFn() instanceof LossMCXENT xent
                        && !(out.getLossFn() instanceof org.nd4j.linalg.lossfunctions.impl.LossNegativeLogLikelihood)
                        && xent.getWeights() == null
                        && out.getActivationFn() instanceof ActivationSoftmax) {
                    softmax = true;
                } else if (!(out.getLossFn() instanceof LossMSE mse
                        && mse.getWeights() == null
                        && out.getActivationFn() instanceof ActivationIdentity)) {
                    return Optional.empty();
                }
            } else {
                if (!(layer instanceof DenseLayer dense) || !dense.hasBias() || dense.hasLayerNorm()) {
                    return Optional.empty();
                }
                var known = HiddenActivation.of(dense.getActivationFn());
                if (known.isEmpty()) {
                    return Optional.empty();
                }
                activation = known.get();
            }
            BaseLayer base = (BaseLayer) layer;
            if (base.getWeightNoise() != null
                    || base.getConstraints() != null && !base.getConstraints().isEmpty()) {
                return Optional.empty();
            }
            Optional<Float> keep = keepProbability(base);
            var norm = base.getGradientNormalization();
            boolean clipped = norm == GradientNormalization.ClipL2PerLayer;
            if (keep.isEmpty() || norm != null && norm != GradientNormalization.None && !clipped) {
                return Optional.empty();
            }
            IUpdater updater = base.getUpdaterByParam("W");
            if (!knownUpdater(updater)
                    || !updater.equals(base.getUpdaterByParam("b"))
                    || !knownRegularization(base.getRegularizationByParam("W"))
                    || !knownRegularization(base.getRegularizationByParam("b"))) {
                return Optional.empty();
            }
            var fed = (org.deeplearning4j.nn.conf.layers.FeedForwardLayer) layer;
            int nIn = Math.toIntExact(fed.getNIn());
            int nOut = Math.toIntExact(fed.getNOut());
            if (!sitsAt(net, i, offset, nIn, nOut)) {
                return Optional.empty();
            }
            layers.add(new Layer(
                    nIn,
                    nOut,
                    offset,
                    offset + nIn * nOut,
                    activation,
                    keep.get(),
                    updater,
                    orEmpty(base.getRegularizationByParam("W")),
                    orEmpty(base.getRegularizationByParam("b")),
                    clipped ? base.getGradientNormalizationThreshold() : 0));
            offset += nIn * nOut + nOut;
        }
        if (layers.size() < 2 || offset != net.numParams()) {
            return Optional.empty();
        }
        return Optional.of(new DenseLayout(List.copyOf(layers), softmax));
    }

    private static List<Regularization> orEmpty(List<Regularization> regularization) {
        return regularization == null ? List.of() : List.copyOf(regularization);
    }

    private static Optional<Float> keepProbability(BaseLayer layer) {
        var dropout = layer.getIDropout();
        if (dropout == null) {
            return Optional.of(1f);
        }
        if (dropout instanceof Dropout plain && plain.getPSchedule() == null && plain.getP() > 0 && plain.getP() <= 1) {
            return Optional.of((float) plain.getP());
        }
        return Optional.empty();
    }

    private static boolean knownUpdater(IUpdater updater) {
        return updater instanceof Sgd
                || updater instanceof Adam
                || updater instanceof Nesterovs n && n.getMomentumISchedule() == null
                || updater instanceof RmsProp;
    }

    private static boolean knownRegularization(List<Regularization> regularization) {
        return regularization == null
                || regularization.stream()
                        .allMatch(r -> r instanceof L1Regularization
                                || r instanceof L2Regularization
                                || r instanceof WeightDecay);
    }

    /** DL4J's own views must be where the layout computes them: column-major W, then b. */
    private static boolean sitsAt(MultiLayerNetwork net, int index, int offset, int nIn, int nOut) {
        var layer = net.getLayer(index);
        var w = layer.getParam("W");
        var b = layer.getParam("b");
        long base = net.params().offset();
        return w != null
                && b != null
                && layer.numParams() == (long) nIn * nOut + nOut
                && w.ordering() == 'f'
                && w.offset() - base == offset
                && b.offset() - base == offset + (long) nIn * nOut
                && w.length() == (long) nIn * nOut;
    }
}
