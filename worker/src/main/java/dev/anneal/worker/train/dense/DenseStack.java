package dev.anneal.worker.train.dense;

import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Trains a DL4J multilayer perceptron in place with a hand-written forward and backward pass:
 * three OpenBLAS products per layer and a step, the rest in plain Java loops over preallocated
 * arrays. DL4J's own {@code fit} spends about 45 native ops with their Java-side set-up on every
 * mini-batch (0.7-0.9 ms for the digits MLP, where PyTorch needs 0.2 ms); for the small networks
 * a tuning study tries, that overhead was most of a trial. The weights stay in the network's own
 * parameter array, so the network DL4J saves, predicts with and serves is the one trained here.
 *
 * <p>Same mathematics as DL4J's path (checked step by step in {@code DenseStackTest}); dropout
 * masks come from this class's own generator, so a seed gives a different, equally random curve
 * than DL4J's path would. One instance per training thread: it is not thread-safe.
 */
public final class DenseStack implements AutoCloseable {

    /** Floor of a probability inside the cross-entropy, as DL4J's {@code LossMCXENT} clips it. */
    private static final double PROBABILITY_FLOOR = 1e-10;

    private final DenseLayout layout;
    private final DenseLayout.Layer[] layers;
    private final int capacity;
    private final NativeFloats params;
    private final float[] p;
    private final float[] g;
    private final DenseUpdater[] updaters;
    private final NativeFloats[] input;
    private final NativeFloats[] product;
    private final float[][] z;
    private final float[][] a;
    private final float[][] mask;
    private final float[] x;
    private final float[] y;
    private final float[] dropped;
    private final NativeFloats delta;
    private final NativeFloats deltaIn;
    private final NativeFloats weightGradient;
    private float[] d;
    private float[] dIn;
    private final SplittableRandom random;
    /** Rows 0..capacity in order, for batches that come as their own arrays. */
    private final int[] identity;

    private final int epoch;
    private int iteration;

    private DenseStack(MultiLayerNetwork net, DenseLayout layout, int capacity, long seed) {
        this.layout = layout;
        this.layers = layout.layers().toArray(DenseLayout.Layer[]::new);
        this.capacity = capacity;
        this.params = new NativeFloats(net.params());
        int total = layout.parameterCount();
        this.p = new float[total];
        params.get(p, total);
        this.g = new float[total];
        int n = layers.length;
        this.updaters = new DenseUpdater[n];
        this.input = new NativeFloats[n];
        this.product = new NativeFloats[n];
        this.z = new float[n][];
        this.a = new float[n][];
        this.mask = new float[n][];
        for (int l = 0; l < n; l++) {
            var layer = layers[l];
            updaters[l] = new DenseUpdater(layer);
            input[l] = new NativeFloats(capacity * layer.nIn());
            product[l] = new NativeFloats(capacity * layer.nOut());
            z[l] = new float[capacity * layer.nOut()];
            a[l] = new float[capacity * layer.nOut()];
            mask[l] = layer.keep() < 1f ? new float[capacity * layer.nIn()] : null;
        }
        int widest = layout.widest();
        this.x = new float[capacity * layout.inputs()];
        this.y = new float[capacity * layout.outputs()];
        this.dropped = new float[capacity * widest];
        this.d = new float[capacity * widest];
        this.dIn = new float[capacity * widest];
        this.delta = new NativeFloats(capacity * widest);
        this.deltaIn = new NativeFloats(capacity * widest);
        this.weightGradient = new NativeFloats(layout.largestWeights());
        this.random = new SplittableRandom(seed);
        this.identity = IntStream.range(0, capacity).toArray();
        this.epoch = net.getLayerWiseConfigurations().getEpochCount();
        this.iteration = net.getLayerWiseConfigurations().getIterationCount();
    }

    /**
     * A trainer for {@code net} if it is a network the dense path reproduces (see {@link
     * DenseLayout}), or empty to leave it to DL4J.
     *
     * @param capacity the largest mini-batch it will fit; inference runs in chunks of this size
     * @param seed fixes the dropout masks
     */
    public static Optional<DenseStack> of(MultiLayerNetwork net, int capacity, long seed) {
        return DenseLayout.of(net).map(layout -> new DenseStack(net, layout, Math.max(1, capacity), seed));
    }

    /**
     * One optimizer step on the rows {@code order[from..to)} of {@code features} and {@code labels}.
     *
     * @return the step's score as DL4J reports it: the mean loss plus the regularization terms
     */
    public double fit(float[][] features, float[][] labels, int[] order, int from, int to) {
        int rows = to - from;
        if (rows < 1 || rows > capacity) {
            throw new IllegalArgumentException("mini-batch of " + rows + " rows, capacity " + capacity);
        }
        int inputs = layout.inputs();
        int outputs = layout.outputs();
        for (int i = 0; i < rows; i++) {
            int row = order[from + i];
            System.arraycopy(features[row], 0, x, i * inputs, inputs);
            System.arraycopy(labels[row], 0, y, i * outputs, outputs);
        }
        return step(rows);
    }

    /** One optimizer step on all rows of {@code features} and {@code labels} (an augmented batch). */
    public double fit(float[][] features, float[][] labels) {
        return fit(features, labels, identity, 0, features.length);
    }

    /** The network's output (class probabilities, or the prediction) for each row, without dropout. */
    public float[][] output(float[][] features) {
        int inputs = layout.inputs();
        int outputs = layout.outputs();
        float[][] out = new float[features.length][outputs];
        float[] last = a[layers.length - 1];
        for (int start = 0; start < features.length; start += capacity) {
            int rows = Math.min(capacity, features.length - start);
            for (int i = 0; i < rows; i++) {
                System.arraycopy(features[start + i], 0, x, i * inputs, inputs);
            }
            forward(rows, false);
            for (int i = 0; i < rows; i++) {
                System.arraycopy(last, i * outputs, out[start + i], 0, outputs);
            }
        }
        return out;
    }

    private double step(int rows) {
        forward(rows, true);
        double score = outputGradient(rows) + regularizationScore();
        backward(rows);
        for (DenseUpdater updater : updaters) {
            updater.step(p, g, iteration, epoch);
        }
        params.put(p, p.length);
        iteration++;
        return score;
    }

    private void forward(int rows, boolean training) {
        for (int l = 0; l < layers.length; l++) {
            var layer = layers[l];
            int nIn = layer.nIn();
            int nOut = layer.nOut();
            float[] in = l == 0 ? x : a[l - 1];
            if (training && mask[l] != null) {
                dropOut(in, mask[l], rows * nIn, layer.keep());
                input[l].put(dropped, rows * nIn);
            } else {
                input[l].put(in, rows * nIn);
            }
            NativeFloats.gemm(
                    false,
                    true,
                    rows,
                    nOut,
                    nIn,
                    input[l],
                    0,
                    nIn,
                    params,
                    layer.weightOffset(),
                    nIn,
                    product[l],
                    0,
                    nOut);
            float[] zl = z[l];
            product[l].get(zl, rows * nOut);
            int bias = layer.biasOffset();
            for (int r = 0; r < rows; r++) {
                int base = r * nOut;
                for (int j = 0; j < nOut; j++) {
                    zl[base + j] += p[bias + j];
                }
            }
            if (layer.activation() != null) {
                layer.activation().forward(zl, a[l], rows * nOut);
            } else if (layout.softmax()) {
                softmax(zl, a[l], rows, nOut);
            } else {
                System.arraycopy(zl, 0, a[l], 0, rows * nOut);
            }
        }
    }

    /** Inverted dropout of a layer's input into {@link #dropped}, remembering the mask for backward. */
    private void dropOut(float[] in, float[] m, int n, float keep) {
        float scale = 1f / keep;
        for (int i = 0; i < n; i++) {
            m[i] = random.nextFloat() < keep ? scale : 0f;
        }
        for (int i = 0; i < n; i++) {
            dropped[i] = in[i] * m[i];
        }
    }

    private static void softmax(float[] zl, float[] out, int rows, int width) {
        for (int r = 0; r < rows; r++) {
            int base = r * width;
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < width; j++) {
                max = Math.max(max, zl[base + j]);
            }
            float sum = 0;
            for (int j = 0; j < width; j++) {
                float e = (float) Math.exp(zl[base + j] - max);
                out[base + j] = e;
                sum += e;
            }
            for (int j = 0; j < width; j++) {
                out[base + j] /= sum;
            }
        }
    }

    /** Fills {@link #d} with the loss gradient at the output (averaged over rows) and returns the mean loss. */
    private double outputGradient(int rows) {
        int width = layout.outputs();
        float[] out = a[layers.length - 1];
        double loss = 0;
        float perRow = 1f / rows;
        if (layout.softmax()) {
            for (int i = 0, n = rows * width; i < n; i++) {
                if (y[i] != 0f) {
                    double q = Math.min(1 - PROBABILITY_FLOOR, Math.max(PROBABILITY_FLOOR, out[i]));
                    loss -= y[i] * Math.log(q);
                }
                d[i] = (out[i] - y[i]) * perRow;
            }
        } else {
            // DL4J's MSE is the squared error averaged over outputs
            float scale = 2f * perRow / width;
            for (int i = 0, n = rows * width; i < n; i++) {
                float e = out[i] - y[i];
                loss += (double) e * e / width;
                d[i] = e * scale;
            }
        }
        return loss / rows;
    }

    private double regularizationScore() {
        double score = 0;
        for (var layer : layers) {
            int weights = layer.nIn() * layer.nOut();
            score += DenseUpdater.score(
                    layer.weightRegularization(), p, layer.weightOffset(), weights, iteration, epoch);
            score += DenseUpdater.score(
                    layer.biasRegularization(), p, layer.biasOffset(), layer.nOut(), iteration, epoch);
        }
        return score;
    }

    private void backward(int rows) {
        for (int l = layers.length - 1; l >= 0; l--) {
            var layer = layers[l];
            int nIn = layer.nIn();
            int nOut = layer.nOut();
            int bias = layer.biasOffset();
            for (int j = 0; j < nOut; j++) {
                g[bias + j] = 0f;
            }
            for (int r = 0; r < rows; r++) {
                int base = r * nOut;
                for (int j = 0; j < nOut; j++) {
                    g[bias + j] += d[base + j];
                }
            }
            delta.put(d, rows * nOut);
            // dW (row-major [nOut, nIn], i.e. DL4J's column-major [nIn, nOut]) = dZ^T x input
            NativeFloats.gemm(true, false, nOut, nIn, rows, delta, 0, nOut, input[l], 0, nIn, weightGradient, 0, nIn);
            weightGradient.get(g, layer.weightOffset(), nOut * nIn);
            if (l == 0) {
                break;
            }
            // dInput = dZ x W, then back through the dropout and the previous layer's activation
            NativeFloats.gemm(
                    false, false, rows, nIn, nOut, delta, 0, nOut, params, layer.weightOffset(), nIn, deltaIn, 0, nIn);
            deltaIn.get(dIn, rows * nIn);
            if (mask[l] != null) {
                float[] m = mask[l];
                for (int i = 0, n = rows * nIn; i < n; i++) {
                    dIn[i] *= m[i];
                }
            }
            layers[l - 1].activation().backward(z[l - 1], a[l - 1], dIn, rows * nIn);
            float[] swap = d;
            d = dIn;
            dIn = swap;
        }
    }

    @Override
    public void close() {
        for (int l = 0; l < layers.length; l++) {
            input[l].close();
            product[l].close();
        }
        delta.close();
        deltaIn.close();
        weightGradient.close();
    }
}
