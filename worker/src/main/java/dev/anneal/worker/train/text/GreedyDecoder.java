package dev.anneal.worker.train.text;

import dev.anneal.data.text.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Greedy decoding of a {@link TranslationNetwork}: start from the end id (the start marker),
 * append the most probable next token (padding and unknown excluded), stop at the end id or
 * after the network's target steps. The decoder has no stepwise state, so each step feeds the
 * tokens so far and reads the last step:
 * quadratic in the target length, which is short for the tasks this serves (phonemes, words).
 */
public final class GreedyDecoder {

    private GreedyDecoder() {}

    /**
     * @param source {@code [rows, sourceLength]} ids
     * @param targetSteps the network's decoder width ({@code target maxLength + 1})
     * @return each row's token ids, without the end id
     */
    public static List<int[]> decode(ComputationGraph net, INDArray source, int targetSteps) {
        int rows = (int) source.size(0);
        INDArray sourceMask = TokenBatches.mask(source);
        float[][] decoder = new float[rows][targetSteps];
        List<List<Integer>> tokens = new ArrayList<>();
        boolean[] ended = new boolean[rows];
        for (int i = 0; i < rows; i++) {
            decoder[i][0] = Vocabulary.END;
            tokens.add(new ArrayList<>());
        }
        int open = rows;
        for (int t = 0; t < targetSteps && open > 0; t++) {
            // the tokens so far only: the embeddings infer their length, so no masked step is run
            float[][] sofar = new float[rows][];
            for (int i = 0; i < rows; i++) {
                sofar[i] = java.util.Arrays.copyOf(decoder[i], t + 1);
            }
            INDArray input = Nd4j.create(sofar);
            INDArray mask = Nd4j.ones(input.dataType(), rows, t + 1);
            float[][] p = net.output(
                            false,
                            new INDArray[] {source, TranslationNetwork.decoderInput(input)},
                            new INDArray[] {sourceMask, mask},
                            null)[0]
                    .get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(t))
                    .toFloatMatrix();
            for (int i = 0; i < rows; i++) {
                if (ended[i]) {
                    continue;
                }
                int best = Vocabulary.END;
                for (int id = Vocabulary.END + 1; id < p[i].length; id++) {
                    if (p[i][id] > p[i][best]) {
                        best = id;
                    }
                }
                if (best == Vocabulary.END || t == targetSteps - 1) {
                    ended[i] = true;
                    open--;
                    if (best != Vocabulary.END) {
                        tokens.get(i).add(best);
                    }
                } else {
                    tokens.get(i).add(best);
                    decoder[i][t + 1] = best;
                }
            }
        }
        return tokens.stream()
                .map(l -> l.stream().mapToInt(Integer::intValue).toArray())
                .toList();
    }
}
