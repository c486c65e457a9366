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
 * starts at {@link BatchedLstmLayer#getForgetGateBias()}, the other biases at 0.
 */
public final class BatchedLstmParams implements ParamInitializer {

    public static final String INPUT_WEIGHTS = "W";
    public static final String RECURRENT_WEIGHTS = "RW";
    public static final String BIAS = "b";

    private static final BatchedLstmParams INSTANCE = new BatchedLstmParams();
    private static final List<String> KEYS = List.of(INPUT_WEIGHTS, RECURRENT_WEIGHTS, BIAS);
    private static final List<String> WEIGHTS = List.of(INPUT_WEIGHTS, RECURRENT_WEIGHTS);

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
        return (l.getNIn() + units + 1) * 4 * units;
    }

    @Override
    public List<String> paramKeys(Layer layer) {
        return KEYS;
    }

    @Override
    public List<String> weightKeys(Layer layer) {
        return WEIGHTS;
    }

    @Override
    public List<String> biasKeys(Layer layer) {
        return List.of(BIAS);
    }

    @Override
    public boolean isWeightParam(Layer layer, String key) {
        return WEIGHTS.contains(key);
    }

    @Override
    public boolean isBiasParam(Layer layer, String key) {
        return BIAS.equals(key);
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
            init.init(units, nIn + units, new long[] {nIn, 4 * units}, 'c', params.get(INPUT_WEIGHTS));
            init.init(units, nIn + units, new long[] {units, 4 * units}, 'c', params.get(RECURRENT_WEIGHTS));
            INDArray b = params.get(BIAS);
            b.assign(0);
            b.get(NDArrayIndex.all(), NDArrayIndex.interval(units, 2 * units)).assign(l.getForgetGateBias());
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
        Map<String, INDArray> out = new LinkedHashMap<>();
        out.put(INPUT_WEIGHTS, v.get(NDArrayIndex.interval(0, w)).reshape('c', nIn, gates));
        out.put(RECURRENT_WEIGHTS, v.get(NDArrayIndex.interval(w, w + rw)).reshape('c', units, gates));
        out.put(BIAS, v.get(NDArrayIndex.interval(w + rw, w + rw + gates)).reshape('c', 1, gates));
        return Collections.synchronizedMap(out);
    }
}
