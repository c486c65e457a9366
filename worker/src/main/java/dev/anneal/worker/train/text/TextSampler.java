package dev.anneal.worker.train.text;

import dev.anneal.data.text.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Draws texts from a character language model: start from the start marker, sample the next
 * character from the softmax sharpened by a temperature (p^(1/T), renormalized; below 1 favours
 * likely characters), stop at the end id or after {@code maxLength} characters. The padding and
 * unknown ids are never drawn.
 *
 * <p>The network has no stepwise state (its LSTM layers run whole sequences), so each step
 * feeds the texts so far, padded and masked to the network's length, and reads the last real
 * step: quadratic in the length, which is why texts stop at {@code maxLength}.
 */
public final class TextSampler {

    private TextSampler() {}

    /**
     * @param length the network's input steps ({@code maxLength + 1})
     */
    public static List<String> sample(
            MultiLayerNetwork net, Vocabulary vocabulary, int count, double temperature, int length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] prefix = new float[count][length];
        boolean[] ended = new boolean[count];
        List<StringBuilder> texts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            prefix[i][0] = Vocabulary.END;
            texts.add(new StringBuilder());
        }
        int open = count;
        for (int t = 0; t < length - 1 && open > 0; t++) {
            INDArray input = Nd4j.create(prefix);
            INDArray mask = Nd4j.zeros(input.dataType(), count, length);
            mask.get(NDArrayIndex.all(), NDArrayIndex.interval(0, t + 1)).assign(1);
            float[][] p = net.output(input, false, mask, null)
                    .get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(t))
                    .toFloatMatrix();
            for (int i = 0; i < count; i++) {
                if (ended[i]) {
                    continue;
                }
                int id = draw(p[i], temperature, random);
                if (id == Vocabulary.END) {
                    ended[i] = true;
                    open--;
                } else {
                    prefix[i][t + 1] = id;
                    texts.get(i).append(vocabulary.token(id));
                }
            }
        }
        return texts.stream().map(StringBuilder::toString).toList();
    }

    static int draw(float[] p, double temperature, SplittableRandom random) {
        double[] weights = new double[p.length];
        double sum = 0;
        for (int id = Vocabulary.END; id < p.length; id++) {
            weights[id] = Math.pow(Math.max(p[id], 0), 1 / temperature);
            sum += weights[id];
        }
        if (!(sum > 0)) {
            return Vocabulary.END;
        }
        double u = random.nextDouble() * sum;
        for (int id = Vocabulary.END; id < p.length; id++) {
            u -= weights[id];
            if (u <= 0) {
                return id;
            }
        }
        return p.length - 1;
    }
}
