package dev.anneal.worker.train.lstm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.deeplearning4j.nn.weights.WeightInitXavier;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The parameters of a {@link BatchedLstmLayer} in the network's flat parameter vector: input
 * weights {@code W} [nIn, 4h], recurrent weights {@code RW} [h, 4h] (both row-major) and bias
 * {@code b} [1, 4h], gates in the order input, forget, cell candidate, output. Weights start from
 * the layer's weight init with DL4J's LSTM fan-in/fan-out (h, nIn + h); the forget gate's bias
 * starts at {@link BatchedLstmLayer#getForgetGateBias()}, the other biases at 0. A bidirectional
 * layer has a second set for its backward direction, {@code bW}, {@code bRW} and {@code bb}, after
 * the first.
 */
public final class BatchedLstmParams implements ParamInitializer {

    public static final String INPUT_WEIGHTS = "W";
    public static final String RECURRENT_WEIGHTS = "RW";
    public static final String BIAS = "b";

    private static final BatchedLstmParams INSTANCE = new BatchedLstmParams();
    private static final String BACKWARD = "b";
    private static final List<String> KEYS = List.of(INPUT_WEIGHTS, RECURRENT_WEIGHTS, BIAS);
    private static final List<String> WEIGHTS = List.of(INPUT_WEIGHTS, RECURRENT_WEIGHTS);
    private static final List<String> BOTH_KEYS = List.of(
            INPUT_WEIGHTS,
            RECURRENT_WEIGHTS,
            BIAS,
            BACKWARD + INPUT_WEIGHTS,
            BACKWARD + RECURRENT_WEIGHTS,
            BACKWARD + BIAS);
    private static final List<String> BOTH_WEIGHTS =
            List.of(INPUT_WEIGHTS, RECURRENT_WEIGHTS, BACKWARD + INPUT_WEIGHTS, BACKWARD + RECURRENT_WEIGHTS);

    /** The name of parameter {@code key} of direction 0 (forwards) or 1 (backwards). */
    static String key(int direction, String key) {
        return direction == 0 ? key : BACKWARD + key;
    }

    private BatchedLstmParams() {}

    public static BatchedLstmParams getInstance() {
        return INSTANCE;
    }

    @Override
    public long numParams(NeuralNetConfiguration conf) {
        return numParams(conf.getLayer());
    }

    @Override
    public long numParams(Layer layer) {
        BatchedLstmLayer l = (BatchedLstmLayer) layer;
        long units = l.getNOut();
        return directions(l) * (l.getNIn() + units + 1) * 4 * units;
    }

    private static int directions(Layer layer) {
        return ((BatchedLstmLayer) layer).isBidirectional() ? 2 : 1;
    }

    @Override
    public List<String> paramKeys(Layer layer) {
        return directions(layer) == 2 ? BOTH_KEYS : KEYS;
    }

    @Override
    public List<String> weightKeys(Layer layer) {
        return directions(layer) == 2 ? BOTH_WEIGHTS : WEIGHTS;
    }

    @Override
    public List<String> biasKeys(Layer layer) {
        return directions(layer) == 2 ? List.of(BIAS, BACKWARD + BIAS) : List.of(BIAS);
    }

    @Override
    public boolean isWeightParam(Layer layer, String key) {
        return weightKeys(layer).contains(key);
    }

    @Override
    public boolean isBiasParam(Layer layer, String key) {
        return biasKeys(layer).contains(key);
    }

    @Override
    public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray paramsView, boolean initializeParams) {
        BatchedLstmLayer l = (BatchedLstmLayer) conf.getLayer();
        Map<String, INDArray> params = views(l, paramsView);
        params.keySet().forEach(conf::addVariable);
        if (initializeParams) {
            long nIn = l.getNIn();
            long units = l.getNOut();
            IWeightInit init = l.getWeightInitFn() != null ? l.getWeightInitFn() : new WeightInitXavier();
            for (int d = 0; d < directions(l); d++) {
                init.init(units, nIn + units, new long[] {nIn, 4 * units}, 'c', params.get(key(d, INPUT_WEIGHTS)));
                init.init(
                        units, nIn + units, new long[] {units, 4 * units}, 'c', params.get(key(d, RECURRENT_WEIGHTS)));
                INDArray b = params.get(key(d, BIAS));
                b.assign(0);
                b.get(NDArrayIndex.all(), NDArrayIndex.interval(units, 2 * units))
                        .assign(l.getForgetGateBias());
            }
        }
        return params;
    }

    @Override
    public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray gradientView) {
        return views((BatchedLstmLayer) conf.getLayer(), gradientView);
    }

    private Map<String, INDArray> views(BatchedLstmLayer l, INDArray flat) {
        long nIn = l.getNIn();
        long units = l.getNOut();
        long gates = 4 * units;
        if (flat.length() != numParams(l)) {
            throw new IllegalStateException(
                    "expected a parameter view of length " + numParams(l) + ", got " + flat.length());
        }
        INDArray v = flat.reshape(flat.length());
        long w = nIn * gates;
        long rw = units * gates;
        long one = w + rw + gates;
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (int d = 0; d < directions(l); d++) {
            long at = d * one;
            out.put(
                    key(d, INPUT_WEIGHTS),
                    v.get(NDArrayIndex.interval(at, at + w)).reshape('c', nIn, gates));
            out.put(
                    key(d, RECURRENT_WEIGHTS),
                    v.get(NDArrayIndex.interval(at + w, at + w + rw)).reshape('c', units, gates));
            out.put(
                    key(d, BIAS),
                    v.get(NDArrayIndex.interval(at + w + rw, at + one)).reshape('c', 1, gates));
        }
        return Collections.synchronizedMap(out);
    }
}
