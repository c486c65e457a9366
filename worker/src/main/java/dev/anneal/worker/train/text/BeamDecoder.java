package dev.anneal.worker.train.text;

import dev.anneal.data.text.Vocabulary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Beam search over a {@link TranslationNetwork}'s outputs: each row keeps the {@code width}
 * partial targets of highest total log-probability; every step extends each unfinished one by
 * every token (padding and unknown excluded), and a target ends with the end id or after the
 * network's target steps. The answer is the row's finished target of highest total
 * log-probability (no length normalization: targets here are short and of predictable length).
 * Width 1 is greedy decoding: the most probable next token each step.
 *
 * <p>The decoder has no stepwise state, so each step feeds every unfinished target's tokens so
 * far (rows × width at most, in one forward pass) and reads its last step: quadratic in the
 * target length, which is short for the tasks this serves (phonemes, words), and linear in the
 * width.
 */
public final class BeamDecoder {

    private BeamDecoder() {}

    /** A partial or finished target: its tokens (without the end id) and their total log-probability. */
    private record Hypothesis(int[] tokens, double score, boolean ended) {}

    /**
     * @param source {@code [rows, sourceLength]} ids
     * @param targetSteps the network's decoder width ({@code target maxLength + 1})
     * @param width targets kept per row, at least 1
     * @return each row's token ids, without the end id
     */
    public static List<int[]> decode(ComputationGraph net, INDArray source, int targetSteps, int width) {
        int rows = (int) source.size(0);
        float[][] sources = source.toFloatMatrix();
        List<List<Hypothesis>> beams = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            beams.add(List.of(new Hypothesis(new int[0], 0, false)));
        }
        for (int t = 0; t < targetSteps; t++) {
            List<int[]> open = new ArrayList<>(); // {row, place in its beam}
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < beams.get(i).size(); j++) {
                    if (!beams.get(i).get(j).ended()) {
                        open.add(new int[] {i, j});
                    }
                }
            }
            if (open.isEmpty()) {
                break;
            }
            float[][] p = nextTokens(net, sources, beams, open, t);
            List<List<Hypothesis>> candidates = new ArrayList<>();
            for (List<Hypothesis> beam : beams) {
                candidates.add(
                        new ArrayList<>(beam.stream().filter(Hypothesis::ended).toList()));
            }
            boolean last = t == targetSteps - 1;
            for (int k = 0; k < open.size(); k++) {
                Hypothesis h = beams.get(open.get(k)[0]).get(open.get(k)[1]);
                for (int id = Vocabulary.END; id < p[k].length; id++) {
                    double score = h.score() + Math.log(Math.max(p[k][id], Float.MIN_VALUE));
                    int[] tokens = id == Vocabulary.END ? h.tokens() : append(h.tokens(), id);
                    candidates.get(open.get(k)[0]).add(new Hypothesis(tokens, score, id == Vocabulary.END || last));
                }
            }
            for (int i = 0; i < rows; i++) {
                beams.set(
                        i,
                        candidates.get(i).stream()
                                .sorted(Comparator.comparingDouble(Hypothesis::score)
                                        .reversed())
                                .limit(width)
                                .toList());
            }
        }
        return beams.stream()
                .map(beam -> beam.stream()
                        .filter(Hypothesis::ended)
                        .max(Comparator.comparingDouble(Hypothesis::score))
                        .orElse(beam.get(0))
                        .tokens())
                .toList();
    }

    /** The next-token probabilities {@code [open, vocabulary]} of each open target after its {@code t} tokens. */
    private static float[][] nextTokens(
            ComputationGraph net, float[][] sources, List<List<Hypothesis>> beams, List<int[]> open, int t) {
        float[][] src = new float[open.size()][];
        float[][] sofar = new float[open.size()][t + 1];
        for (int k = 0; k < open.size(); k++) {
            src[k] = sources[open.get(k)[0]];
            sofar[k][0] = Vocabulary.END; // the start marker
            int[] tokens = beams.get(open.get(k)[0]).get(open.get(k)[1]).tokens();
            for (int s = 0; s < t; s++) {
                sofar[k][s + 1] = tokens[s];
            }
        }
        INDArray s = Nd4j.create(src);
        // the tokens so far only: the embeddings infer their length, so no masked step is run
        INDArray d = Nd4j.create(sofar);
        return net.output(
                        false,
                        new INDArray[] {s, TranslationNetwork.decoderInput(d)},
                        new INDArray[] {TokenBatches.mask(s), Nd4j.ones(d.dataType(), d.size(0), t + 1)},
                        null)[0]
                .get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(t))
                .toFloatMatrix();
    }

    private static int[] append(int[] tokens, int id) {
        int[] out = Arrays.copyOf(tokens, tokens.length + 1);
        out[tokens.length] = id;
        return out;
    }
}
