package dev.anneal.worker.train;

import java.util.Map;
import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLayer;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.StopGradient;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.config.LSTMActivations;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.config.LSTMDataFormat;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.config.LSTMDirectionMode;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.config.LSTMLayerConfig;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.weights.LSTMLayerWeights;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * An LSTM layer whose whole time loop runs in one native op (libnd4j's {@code lstmLayer}, with
 * {@code lstmLayer_bp} for backprop) instead of DL4J's Java loop of several ops per time step.
 * Input is DL4J's recurrent format {@code [minibatch, nIn, timesteps]}; the output is the last time
 * step's hidden state {@code [minibatch, nOut]} (like {@code LastTimeStep(LSTM)}), or with {@code
 * returnSequences} the whole sequence {@code [minibatch, nOut, timesteps]} for stacking. Gates are
 * sigmoid, cell and output activations tanh, no peepholes; gate order in the weights is input,
 * forget, cell, output. Masks (variable-length sequences) are not supported.
 *
 * <p><b>Not used for new networks:</b> libnd4j 1.0.0-M2.1's {@code lstmLayer_bp} leaks its working
 * buffers on every call (about 1 MB per mini-batch of 32 rows, 24 steps, 32 units), so training
 * with this layer grows the process without bound. The class stays so that models stored by
 * earlier versions still load and predict (the forward op does not leak).
 */
public class FusedLstmLayer extends SameDiffLayer {

    public static final String INPUT_WEIGHTS = "W";
    public static final String RECURRENT_WEIGHTS = "RW";
    public static final String BIAS = "b";

    private long nIn;
    private long nOut;
    private boolean returnSequences;
    private double forgetGateBias = 1.0;

    /** For JSON deserialization. */
    public FusedLstmLayer() {}

    public FusedLstmLayer(long nIn, long nOut) {
        this(nIn, nOut, false);
    }

    public FusedLstmLayer(long nIn, long nOut, boolean returnSequences) {
        this.nIn = nIn;
        this.nOut = nOut;
        this.returnSequences = returnSequences;
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable layerInput, Map<String, SDVariable> params, SDVariable mask) {
        LSTMLayerConfig config = LSTMLayerConfig.builder()
                .lstmdataformat(LSTMDataFormat.NST)
                .directionMode(LSTMDirectionMode.FWD)
                .gateAct(LSTMActivations.SIGMOID)
                .cellAct(LSTMActivations.TANH)
                .outAct(LSTMActivations.TANH)
                .retFullSequence(returnSequences)
                .retLastH(!returnSequences)
                .retLastC(false)
                .build();
        LSTMLayerWeights weights = LSTMLayerWeights.builder()
                .weights(params.get(INPUT_WEIGHTS))
                .rWeights(params.get(RECURRENT_WEIGHTS))
                .bias(params.get(BIAS))
                .build();
        SDVariable out = sd.rnn().lstmLayer(layerInput, weights, config)[0];
        // Inside DL4J's SameDiffLayer, the gradients lstmLayer_bp returns (for the weights, the bias and
        // the input alike) come out exactly twice the true ones (checked against finite differences;
        // the same op in a plain SameDiff graph is right). Halve the gradient reaching the op without
        // changing the forward value: 0.5 h + stopGradient(0.5 h) = h, d/dh = 0.5.
        SDVariable half = out.mul(0.5);
        return half.add(new StopGradient(sd, half).outputVariable());
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.clear();
        params.addWeightParam(INPUT_WEIGHTS, nIn, 4 * nOut);
        params.addWeightParam(RECURRENT_WEIGHTS, nOut, 4 * nOut);
        params.addBiasParam(BIAS, 4 * nOut);
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        INDArray w = params.get(INPUT_WEIGHTS);
        w.assign(Nd4j.randn(w.dataType(), w.shape()).muli(Math.sqrt(2.0 / (nIn + nOut))));
        INDArray rw = params.get(RECURRENT_WEIGHTS);
        rw.assign(Nd4j.randn(rw.dataType(), rw.shape()).muli(Math.sqrt(1.0 / nOut)));
        INDArray b = params.get(BIAS);
        b.assign(0);
        INDArray flat = b.rank() == 1 ? b : b.reshape(4 * nOut);
        flat.get(NDArrayIndex.interval(nOut, 2 * nOut)).assign(forgetGateBias);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        if (returnSequences) {
            long length = inputType instanceof InputType.InputTypeRecurrent r ? r.getTimeSeriesLength() : -1;
            return InputType.recurrent(nOut, length);
        }
        return InputType.feedForward(nOut);
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        if (inputType instanceof InputType.InputTypeRecurrent r && (nIn <= 0 || override)) {
            nIn = r.getSize();
        }
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return null;
    }

    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArray(
            INDArray maskArray, MaskState currentMaskState, int minibatchSize) {
        if (maskArray != null) {
            // lstmLayer would run every sequence to its full length: fail instead of silently ignoring
            throw new UnsupportedOperationException(
                    "FusedLstmLayer does not support masks (variable-length sequences)");
        }
        return new Pair<>(null, currentMaskState);
    }

    public long getNIn() {
        return nIn;
    }

    public void setNIn(long nIn) {
        this.nIn = nIn;
    }

    public long getNOut() {
        return nOut;
    }

    public void setNOut(long nOut) {
        this.nOut = nOut;
    }

    public boolean isReturnSequences() {
        return returnSequences;
    }

    public void setReturnSequences(boolean returnSequences) {
        this.returnSequences = returnSequences;
    }

    public double getForgetGateBias() {
        return forgetGateBias;
    }

    public void setForgetGateBias(double forgetGateBias) {
        this.forgetGateBias = forgetGateBias;
    }
}
