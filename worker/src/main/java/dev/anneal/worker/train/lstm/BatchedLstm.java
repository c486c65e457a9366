package dev.anneal.worker.train.lstm;

import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The network-side {@link BatchedLstmLayer}: takes DL4J's input, mask and epsilon, runs an {@link
 * LstmSequence}, and puts outputs and input gradients into DL4J's workspaces and the parameter
 * gradients into the layer's gradient views. A training forward pass keeps what backprop needs in
 * the sequence's buffers, so backprop does not run the forward pass again (DL4J's LSTM does).
 */
public class BatchedLstm extends BaseLayer<BatchedLstmLayer> {

    /** Reused batch after batch; replaced (and its native memory freed) when the batch shape changes. */
    private LstmSequence trained;
    /** The input {@link #trained} last ran forward on, so backprop knows whether it can reuse it. */
    private INDArray trainedInput;

    private boolean[] active;

    public BatchedLstm(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public Type type() {
        return Type.RECURRENT;
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        applyDropOutIfNecessary(training, workspaceMgr);
        INDArray x = checkedInput();
        if (!training) {
            // nothing to keep for backprop: buffers for this call only, freed at once
            try (LstmSequence sequence = sequence(x, false)) {
                run(sequence, x, false, workspaceMgr);
                return output(sequence, workspaceMgr);
            }
        }
        LstmSequence sequence = trainingSequence(x);
        run(sequence, x, true, workspaceMgr);
        return output(sequence, workspaceMgr);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        INDArray x = checkedInput();
        if (trained == null || trainedInput != this.input) {
            run(trainingSequence(x), x, true, workspaceMgr);
        }
        LstmSequence sequence = trained;
        trainedInput = null; // backward overwrites the stored activations
        sequence.backward(epsilon.castTo(dataType), layerConf().isReturnSequences(), active);

        gradientViews.get(BatchedLstmParams.INPUT_WEIGHTS).assign(sequence.inputWeightsGrad());
        gradientViews.get(BatchedLstmParams.RECURRENT_WEIGHTS).assign(sequence.recurrentWeightsGrad());
        gradientViews.get(BatchedLstmParams.BIAS).assign(sequence.biasGrad());
        Gradient gradient = new DefaultGradient(gradientsFlattened);
        for (String key : BatchedLstmParams.getInstance().paramKeys(layerConf())) {
            gradient.gradientForVariable().put(key, gradientViews.get(key));
        }
        weightNoiseParams.clear();

        INDArray epsOut = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, x.shape(), 'f');
        epsOut.assign(sequence.inputGrad().permute(1, 2, 0));
        return new Pair<>(gradient, backpropDropOutIfPresent(epsOut));
    }

    private INDArray checkedInput() {
        if (input.rank() != 3) {
            throw new IllegalStateException("BatchedLstmLayer expects input [minibatch, nIn, timesteps], got "
                    + java.util.Arrays.toString(input.shape()));
        }
        if (input.size(1) != layerConf().getNIn()) {
            throw new IllegalStateException(
                    "BatchedLstmLayer has nIn " + layerConf().getNIn() + ", input has " + input.size(1) + " features: "
                            + java.util.Arrays.toString(input.shape()));
        }
        active = activeSteps(input.size(0), input.size(2));
        return input.castTo(dataType);
    }

    /** The feature mask as {@code active[step * batch + row]}, or null when none is set. */
    private boolean[] activeSteps(long batch, long steps) {
        if (maskArray == null) {
            return null;
        }
        if (maskArray.rank() != 2 || maskArray.size(0) != batch || maskArray.size(1) != steps) {
            throw new IllegalStateException("BatchedLstmLayer expects a feature mask [minibatch, timesteps] = [" + batch
                    + ", " + steps + "], got " + java.util.Arrays.toString(maskArray.shape()));
        }
        double[][] m = maskArray.toDoubleMatrix();
        boolean[] on = new boolean[(int) (batch * steps)];
        for (int r = 0; r < batch; r++) {
            for (int s = 0; s < steps; s++) {
                on[s * (int) batch + r] = m[r][s] != 0;
            }
        }
        return on;
    }

    private LstmSequence sequence(INDArray x, boolean training) {
        return new LstmSequence(
                dataType,
                (int) x.size(0),
                (int) x.size(2),
                (int) x.size(1),
                (int) layerConf().getNOut(),
                training,
                getParam(BatchedLstmParams.BIAS).shape());
    }

    private LstmSequence trainingSequence(INDArray x) {
        if (trained == null
                || !trained.fits(dataType, (int) x.size(0), (int) x.size(2), (int) x.size(1), (int)
                        layerConf().getNOut())) {
            if (trained != null) {
                trained.close();
            }
            trained = null;
            trained = sequence(x, true);
        }
        return trained;
    }

    private void run(LstmSequence sequence, INDArray x, boolean training, LayerWorkspaceMgr workspaceMgr) {
        sequence.forward(
                x,
                getParamWithNoise(BatchedLstmParams.INPUT_WEIGHTS, training, workspaceMgr),
                getParamWithNoise(BatchedLstmParams.RECURRENT_WEIGHTS, training, workspaceMgr),
                getParamWithNoise(BatchedLstmParams.BIAS, training, workspaceMgr),
                active);
        trainedInput = training ? this.input : null;
    }

    private INDArray output(LstmSequence sequence, LayerWorkspaceMgr workspaceMgr) {
        long batch = sequence.batch;
        long units = sequence.units;
        if (!layerConf().isReturnSequences()) {
            INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType, new long[] {batch, units});
            return out.assign(sequence.lastHidden());
        }
        INDArray out = workspaceMgr.createUninitialized(
                ArrayType.ACTIVATIONS, dataType, new long[] {batch, units, sequence.steps}, 'f');
        out.assign(sequence.hiddenStates().permute(1, 2, 0));
        if (maskArray != null) { // masked steps output 0, as DL4J's recurrent layers do
            Nd4j.getExecutioner().exec(new BroadcastMulOp(out, maskArray.castTo(dataType), out, 0, 2));
        }
        return out;
    }

    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArray(
            INDArray maskArray, MaskState currentMaskState, int minibatchSize) {
        this.maskArray = maskArray;
        this.maskState = currentMaskState;
        // the last-step output has one vector per sequence: nothing left to mask downstream
        return layerConf().isReturnSequences() ? new Pair<>(maskArray, currentMaskState) : new Pair<>(null, null);
    }

    @Override
    public void clear() {
        super.clear();
        trainedInput = null; // the buffers stay for the next batch
    }
}
