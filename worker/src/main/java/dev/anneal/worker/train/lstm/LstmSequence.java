package dev.anneal.worker.train.lstm;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The LSTM time loop over one mini-batch shape, with every buffer it needs allocated once: a
 * training instance is reused batch after batch (and closed when the shape changes), so training
 * allocates nothing per iteration. Matrix products are OpenBLAS calls on {@link NativeMatrix}es,
 * the per-step element-wise work is {@link LstmCell}.
 *
 * <p>Training: the input projection {@code X Wx} of all steps is one gemm before the loop; each
 * step adds {@code h_{t-1} Wr} (one gemm) and keeps its gate activations, cell state and {@code
 * tanh(c)}; backward runs one gemm per step ({@code dZ_t Wr^T}) and, after the loop, the three
 * weight and input gradients as one gemm each over all steps. Inference keeps only the current
 * step, so a large prediction batch needs memory proportional to its input and output only.
 */
final class LstmSequence implements AutoCloseable {

    final DataType type;
    final int batch;
    final int steps;
    final int nIn;
    final int units;
    final boolean training;

    private final int gates;
    /** [steps, batch, nIn]: step s's inputs are rows s*batch .. s*batch+batch-1. */
    private final NativeMatrix x;
    /** Training: [steps * batch, 4h], pre-activations, then activations, then their gradients. Inference: [batch, 4h]. */
    private final NativeMatrix z;
    /** [steps + 1, batch, h]: h_0 = 0, then each step's hidden state. */
    private final NativeMatrix hidden;

    private final NativeMatrix inputWeights;
    private final NativeMatrix recurrentWeights;
    private final NativeMatrix bias;
    // training only
    private final NativeMatrix cells;
    private final NativeMatrix tanhCells;
    private final NativeMatrix epsilon;
    private final NativeMatrix hiddenGrad;
    private final NativeMatrix inputGrad;
    private final NativeMatrix inputWeightsGrad;
    private final NativeMatrix recurrentWeightsGrad;
    private final NativeMatrix biasGrad;

    private final double[] zStep;
    private final double[] biasValues;
    private double[] cPrev;
    private double[] cNext;
    private double[] hPrev;
    private double[] hNext;
    private final double[] tanhStep;
    private final double[] unitsStep;
    private final double[] biasGradValues;

    LstmSequence(DataType type, int batch, int steps, int nIn, int units, boolean training, long[] biasShape) {
        this.type = type;
        this.batch = batch;
        this.steps = steps;
        this.nIn = nIn;
        this.units = units;
        this.training = training;
        this.gates = 4 * units;
        x = new NativeMatrix(type, steps, batch, nIn);
        z = new NativeMatrix(type, (long) (training ? steps : 1) * batch, gates);
        hidden = new NativeMatrix(type, steps + 1, batch, units);
        inputWeights = new NativeMatrix(type, nIn, gates);
        recurrentWeights = new NativeMatrix(type, units, gates);
        bias = new NativeMatrix(type, biasShape);
        cells = training ? new NativeMatrix(type, (long) (steps + 1) * batch, units) : null;
        tanhCells = training ? new NativeMatrix(type, (long) steps * batch, units) : null;
        epsilon = training ? new NativeMatrix(type, steps, batch, units) : null;
        hiddenGrad = training ? new NativeMatrix(type, batch, units) : null;
        inputGrad = training ? new NativeMatrix(type, steps, batch, nIn) : null;
        inputWeightsGrad = training ? new NativeMatrix(type, nIn, gates) : null;
        recurrentWeightsGrad = training ? new NativeMatrix(type, units, gates) : null;
        biasGrad = training ? new NativeMatrix(type, biasShape) : null;
        int stepUnits = batch * units;
        zStep = new double[batch * gates];
        biasValues = new double[gates];
        cPrev = new double[stepUnits];
        cNext = new double[stepUnits];
        hPrev = new double[stepUnits];
        hNext = new double[stepUnits];
        tanhStep = new double[stepUnits];
        unitsStep = new double[stepUnits];
        biasGradValues = new double[gates];
    }

    boolean fits(DataType type, int batch, int steps, int nIn, int units) {
        return this.type == type
                && this.batch == batch
                && this.steps == steps
                && this.nIn == nIn
                && this.units == units;
    }

    /**
     * Runs the sequence; read the result with {@link #hiddenStates} or {@link #lastHidden}.
     *
     * @param input [batch, nIn, steps]
     * @param active {@code active[step * batch + row]}, or null when nothing is masked
     */
    void forward(INDArray input, INDArray w, INDArray rw, INDArray b, boolean[] active) {
        x.array.assign(input.permute(2, 0, 1));
        inputWeights.array.assign(w);
        recurrentWeights.array.assign(rw);
        bias.array.assign(b);
        bias.read(0, biasValues, gates);
        int stepUnits = batch * units;
        int stepGates = batch * gates;
        Arrays.fill(cPrev, 0);
        Arrays.fill(hPrev, 0);
        hidden.write(0, hPrev, stepUnits);
        if (training) {
            cells.write(0, cPrev, stepUnits);
            NativeMatrix.gemm(
                    false, false, steps * batch, gates, nIn, x, 0, nIn, inputWeights, 0, gates, 0, z, 0, gates);
        }
        for (int s = 0; s < steps; s++) {
            long zOffset = training ? (long) s * stepGates : 0;
            if (!training) {
                NativeMatrix.gemm(
                        false,
                        false,
                        batch,
                        gates,
                        nIn,
                        x,
                        (long) s * batch * nIn,
                        nIn,
                        inputWeights,
                        0,
                        gates,
                        0,
                        z,
                        0,
                        gates);
            }
            if (s > 0) { // h_0 = 0 adds nothing
                NativeMatrix.gemm(
                        false,
                        false,
                        batch,
                        gates,
                        units,
                        hidden,
                        (long) s * stepUnits,
                        units,
                        recurrentWeights,
                        0,
                        gates,
                        1,
                        z,
                        zOffset,
                        gates);
            }
            z.read(zOffset, zStep, stepGates);
            LstmCell.forward(zStep, biasValues, cPrev, hPrev, active, s * batch, batch, units, cNext, hNext, tanhStep);
            hidden.write((long) (s + 1) * stepUnits, hNext, stepUnits);
            if (training) {
                z.write(zOffset, zStep, stepGates);
                cells.write((long) (s + 1) * stepUnits, cNext, stepUnits);
                tanhCells.write((long) s * stepUnits, tanhStep, stepUnits);
            }
            double[] t = cPrev;
            cPrev = cNext;
            cNext = t;
            t = hPrev;
            hPrev = hNext;
            hNext = t;
        }
    }

    /** [steps, batch, units] view of every step's hidden state. */
    INDArray hiddenStates() {
        return hidden.array.get(NDArrayIndex.interval(1, steps + 1), NDArrayIndex.all(), NDArrayIndex.all());
    }

    /** [batch, units]: the state after the last step, i.e. after each row's last unmasked step. */
    INDArray lastHidden() {
        return hidden.array.get(NDArrayIndex.point(steps), NDArrayIndex.all(), NDArrayIndex.all());
    }

    /**
     * Backpropagates through the sequence last run by {@link #forward} (training only); read the
     * results with the gradient accessors. Overwrites the stored activations.
     *
     * @param outputGrad [batch, units, steps] for a sequence output, [batch, units] for the last step
     */
    void backward(INDArray outputGrad, boolean sequenceOutput, boolean[] active) {
        if (!training) {
            throw new IllegalStateException("backward needs a training sequence");
        }
        int stepUnits = batch * units;
        int stepGates = batch * gates;
        if (sequenceOutput) {
            epsilon.array.assign(outputGrad.permute(2, 0, 1));
        } else {
            epsilon.array
                    .get(NDArrayIndex.point(0), NDArrayIndex.all(), NDArrayIndex.all())
                    .assign(outputGrad);
        }
        double[] dh = hPrev; // the forward pass is over: reuse its state arrays
        double[] dc = cPrev;
        double[] cellStep = cNext;
        Arrays.fill(dh, 0);
        Arrays.fill(dc, 0);
        Arrays.fill(biasGradValues, 0);
        for (int s = steps - 1; s >= 0; s--) {
            if (s < steps - 1) { // through the next step's recurrent weights: dZ_{s+1} Wr^T
                NativeMatrix.gemm(
                        false,
                        true,
                        batch,
                        units,
                        gates,
                        z,
                        (long) (s + 1) * stepGates,
                        gates,
                        recurrentWeights,
                        0,
                        gates,
                        0,
                        hiddenGrad,
                        0,
                        units);
                hiddenGrad.read(0, unitsStep, stepUnits);
                add(dh, unitsStep, stepUnits);
            }
            if (sequenceOutput || s == steps - 1) {
                epsilon.read(sequenceOutput ? (long) s * stepUnits : 0, unitsStep, stepUnits);
                if (sequenceOutput && active != null) {
                    // a masked step's output is the constant 0: its gradient goes nowhere
                    for (int r = 0; r < batch; r++) {
                        if (!active[s * batch + r]) {
                            Arrays.fill(unitsStep, r * units, (r + 1) * units, 0);
                        }
                    }
                }
                add(dh, unitsStep, stepUnits);
            }
            z.read((long) s * stepGates, zStep, stepGates);
            tanhCells.read((long) s * stepUnits, tanhStep, stepUnits);
            cells.read((long) s * stepUnits, cellStep, stepUnits);
            LstmCell.backward(zStep, tanhStep, cellStep, active, s * batch, batch, units, dh, dc, biasGradValues);
            z.write((long) s * stepGates, zStep, stepGates);
        }
        int rows = steps * batch;
        NativeMatrix.gemm(true, false, nIn, gates, rows, x, 0, nIn, z, 0, gates, 0, inputWeightsGrad, 0, gates);
        NativeMatrix.gemm(
                true, false, units, gates, rows, hidden, 0, units, z, 0, gates, 0, recurrentWeightsGrad, 0, gates);
        NativeMatrix.gemm(false, true, rows, nIn, gates, z, 0, gates, inputWeights, 0, gates, 0, inputGrad, 0, nIn);
        biasGrad.write(0, biasGradValues, gates);
    }

    private static void add(double[] to, double[] from, int n) {
        for (int i = 0; i < n; i++) {
            to[i] += from[i];
        }
    }

    /** [steps, batch, nIn] */
    INDArray inputGrad() {
        return inputGrad.array;
    }

    INDArray inputWeightsGrad() {
        return inputWeightsGrad.array;
    }

    INDArray recurrentWeightsGrad() {
        return recurrentWeightsGrad.array;
    }

    INDArray biasGrad() {
        return biasGrad.array;
    }

    @Override
    public void close() {
        for (NativeMatrix m : new NativeMatrix[] {
            x,
            z,
            hidden,
            inputWeights,
            recurrentWeights,
            bias,
            cells,
            tanhCells,
            epsilon,
            hiddenGrad,
            inputGrad,
            inputWeightsGrad,
            recurrentWeightsGrad,
            biasGrad
        }) {
            if (m != null) {
                m.close();
            }
        }
    }
}
