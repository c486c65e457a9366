package dev.anneal.worker.train.lstm;

import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.TimeSeriesUtils;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The network-side {@link BatchedLstmLayer}: takes DL4J's input, mask and epsilon, runs an {@link
 * LstmSequence}, and puts outputs and input gradients into DL4J's workspaces and the parameter
 * gradients into the layer's gradient views. A training forward pass keeps what backprop needs in
 * the sequence's buffers, so backprop does not run the forward pass again (DL4J's LSTM does).
 */
public class BatchedLstm extends BaseLayer<BatchedLstmLayer> {

    /**
     * Per direction (forwards, then backwards if bidirectional), reused batch after batch;
     * replaced (and its native memory freed) when the batch shape changes.
     */
    private final LstmSequence[] trained = new LstmSequence[2];
    /** The input {@link #trained} last ran forward on, so backprop knows whether it can reuse it. */
    private INDArray trainedInput;

    /** Per direction, the feature mask as {@code active[step * batch + row]}, or nulls. */
    private final boolean[][] active = new boolean[2][];

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
        INDArray[] x = directionInputs(checkedInput());
        LstmSequence[] sequences = new LstmSequence[x.length];
        try {
            for (int d = 0; d < x.length; d++) {
                // inference keeps nothing for backprop: buffers for this call only, freed below
                sequences[d] = training ? trainingSequence(d, x[d]) : sequence(x[d], false);
                run(d, sequences[d], x[d], training, workspaceMgr);
            }
            return output(sequences, workspaceMgr);
        } finally {
            if (!training) {
                for (LstmSequence sequence : sequences) {
                    if (sequence != null) {
                        sequence.close();
                    }
                }
            }
        }
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        int directions = layerConf().isBidirectional() ? 2 : 1;
        boolean kept = trainedInput == this.input && trained[0] != null && trained[directions - 1] != null;
        // the forward pass on this input kept its activations (and masks): no input to copy or reverse again
        INDArray[] x = kept ? null : directionInputs(checkedInput());
        boolean sequences = layerConf().isReturnSequences();
        long units = layerConf().getNOut();
        Gradient gradient = new DefaultGradient(gradientsFlattened);
        INDArray epsOut = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, input.shape(), 'f');
        for (int d = 0; d < directions; d++) {
            if (!kept) {
                run(d, trainingSequence(d, x[d]), x[d], true, workspaceMgr);
            }
            LstmSequence sequence = trained[d];
            INDArray grad = epsilon.castTo(dataType);
            if (directions == 2) { // this direction's half of the concatenated output's gradient
                grad = sequences
                        ? grad.get(
                                NDArrayIndex.all(),
                                NDArrayIndex.interval(d * units, (d + 1) * units),
                                NDArrayIndex.all())
                        : grad.get(NDArrayIndex.all(), NDArrayIndex.interval(d * units, (d + 1) * units));
                grad = d == 1 && sequences ? TimeSeriesUtils.reverseTimeSeries(grad.dup('f')) : grad.dup('f');
            }
            sequence.backward(grad, sequences, active[d]);
            gradientViews
                    .get(BatchedLstmParams.key(d, BatchedLstmParams.INPUT_WEIGHTS))
                    .assign(sequence.inputWeightsGrad());
            gradientViews
                    .get(BatchedLstmParams.key(d, BatchedLstmParams.RECURRENT_WEIGHTS))
                    .assign(sequence.recurrentWeightsGrad());
            gradientViews.get(BatchedLstmParams.key(d, BatchedLstmParams.BIAS)).assign(sequence.biasGrad());
            INDArray inputGrad = sequence.inputGrad().permute(1, 2, 0);
            if (d == 0) {
                epsOut.assign(inputGrad);
            } else {
                epsOut.addi(TimeSeriesUtils.reverseTimeSeries(inputGrad.dup('f')));
            }
        }
        trainedInput = null; // backward overwrites the stored activations
        for (String key : BatchedLstmParams.getInstance().paramKeys(layerConf())) {
            gradient.gradientForVariable().put(key, gradientViews.get(key));
        }
        weightNoiseParams.clear();
        return new Pair<>(gradient, backpropDropOutIfPresent(epsOut));
    }

    /**
     * The input as each direction reads it: as given, and for the backward direction with the time
     * axis reversed. Padding then comes first, and a masked step leaves the state at zero, so the
     * backward LSTM starts at each row's last real token and ends after its first.
     */
    private INDArray[] directionInputs(INDArray x) {
        if (!layerConf().isBidirectional()) {
            return new INDArray[] {x};
        }
        active[1] = reversed(active[0], (int) x.size(0), (int) x.size(2));
        return new INDArray[] {x, TimeSeriesUtils.reverseTimeSeries(x.dup('f'))};
    }

    private static boolean[] reversed(boolean[] active, int batch, int steps) {
        if (active == null) {
            return null;
        }
        boolean[] out = new boolean[active.length];
        for (int s = 0; s < steps; s++) {
            System.arraycopy(active, s * batch, out, (steps - 1 - s) * batch, batch);
        }
        return out;
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
        active[0] = activeSteps(input.size(0), input.size(2));
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

    private LstmSequence trainingSequence(int direction, INDArray x) {
        LstmSequence current = trained[direction];
        if (current == null
                || !current.fits(dataType, (int) x.size(0), (int) x.size(2), (int) x.size(1), (int)
                        layerConf().getNOut())) {
            if (current != null) {
                current.close();
            }
            trained[direction] = null;
            trained[direction] = sequence(x, true);
        }
        return trained[direction];
    }

    private void run(
            int direction, LstmSequence sequence, INDArray x, boolean training, LayerWorkspaceMgr workspaceMgr) {
        sequence.forward(
                x,
                getParamWithNoise(
                        BatchedLstmParams.key(direction, BatchedLstmParams.INPUT_WEIGHTS), training, workspaceMgr),
                getParamWithNoise(
                        BatchedLstmParams.key(direction, BatchedLstmParams.RECURRENT_WEIGHTS), training, workspaceMgr),
                getParamWithNoise(BatchedLstmParams.key(direction, BatchedLstmParams.BIAS), training, workspaceMgr),
                active[direction]);
        trainedInput = training ? this.input : null;
    }

    /** Each direction's output side by side: forwards in the first {@code nOut} features, backwards after. */
    private INDArray output(LstmSequence[] sequences, LayerWorkspaceMgr workspaceMgr) {
        long batch = sequences[0].batch;
        long units = sequences[0].units;
        long width = units * sequences.length;
        if (!layerConf().isReturnSequences()) {
            INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType, new long[] {batch, width});
            for (int d = 0; d < sequences.length; d++) {
                out.get(NDArrayIndex.all(), NDArrayIndex.interval(d * units, (d + 1) * units))
                        .assign(sequences[d].lastHidden());
            }
            return out;
        }
        INDArray out = workspaceMgr.createUninitialized(
                ArrayType.ACTIVATIONS, dataType, new long[] {batch, width, sequences[0].steps}, 'f');
        for (int d = 0; d < sequences.length; d++) {
            INDArray states = sequences[d].hiddenStates().permute(1, 2, 0);
            out.get(NDArrayIndex.all(), NDArrayIndex.interval(d * units, (d + 1) * units), NDArrayIndex.all())
                    .assign(d == 0 ? states : TimeSeriesUtils.reverseTimeSeries(states.dup('f')));
        }
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
