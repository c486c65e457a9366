package dev.anneal.worker.train.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.data.text.Vocabulary;
import dev.anneal.spec.catalog.TrialParams;
import dev.anneal.worker.config.Nd4jThreads;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Beam search on an untrained encoder–decoder (its outputs are as good as any for this): width 1
 * is greedy decoding, and a beam wide enough to keep every target finds the most probable one,
 * checked against every possible target scored one by one.
 */
class BeamDecoderTest {

    /** Padding, unknown, end and two real tokens; targets of at most 3 tokens. */
    private static final int VOCABULARY = 5;

    private static final int TARGET_STEPS = 3;
    private static final float[][] SOURCES = {{3, 4, 5, 0}, {6, 3, 0, 0}, {4, 4, 4, 7}, {5, 0, 0, 0}};

    @BeforeAll
    static void oneThread() {
        Nd4jThreads.limit(1);
    }

    private static ComputationGraph network(long seed) {
        TrialParams params = new TrialParams(Map.of("embeddingSize", 4L, "units", 6L, "hiddenLayers", 1L));
        return TranslationNetwork.build(8, 4, VOCABULARY, TARGET_STEPS, params, seed, 1);
    }

    @Test
    void widthOneIsGreedyDecoding() {
        for (long seed = 1; seed <= 5; seed++) {
            ComputationGraph net = network(seed);
            List<int[]> beam = BeamDecoder.decode(net, Nd4j.create(SOURCES), TARGET_STEPS, 1);
            for (int row = 0; row < SOURCES.length; row++) {
                assertThat(beam.get(row)).as("seed %d row %d", seed, row).isEqualTo(greedy(net, SOURCES[row]));
            }
        }
    }

    @Test
    void aWideEnoughBeamFindsTheMostProbableTarget() {
        int differ = 0;
        for (long seed = 1; seed <= 8; seed++) {
            ComputationGraph net = network(seed);
            List<int[]> beam = BeamDecoder.decode(net, Nd4j.create(SOURCES), TARGET_STEPS, 16);
            for (int row = 0; row < SOURCES.length; row++) {
                int[] best = null;
                double bestScore = Double.NEGATIVE_INFINITY;
                for (int[] target : everyTarget()) {
                    double score = logProbability(net, SOURCES[row], target);
                    if (score > bestScore) {
                        bestScore = score;
                        best = target;
                    }
                }
                assertThat(beam.get(row)).as("seed %d row %d", seed, row).isEqualTo(best);
                differ += Arrays.equals(best, greedy(net, SOURCES[row])) ? 0 : 1;
            }
        }
        // the check means something only if greedy decoding misses the best target sometimes
        assertThat(differ).isPositive();
    }

    /** The most probable next token each step, as a plain loop over teacher-forced passes. */
    private static int[] greedy(ComputationGraph net, float[] source) {
        List<Integer> tokens = new ArrayList<>();
        for (int t = 0; t < TARGET_STEPS; t++) {
            float[] p = stepProbabilities(
                    net, source, tokens.stream().mapToInt(Integer::intValue).toArray(), t);
            int best = Vocabulary.END;
            for (int id = Vocabulary.END + 1; id < VOCABULARY; id++) {
                best = p[id] > p[best] ? id : best;
            }
            if (best == Vocabulary.END) {
                break;
            }
            tokens.add(best);
        }
        return tokens.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Targets of 0..2 tokens (then the end id) and of 3 tokens (cut at the last step). */
    private static List<int[]> everyTarget() {
        List<int[]> all = new ArrayList<>();
        all.add(new int[0]);
        for (int length = 1; length <= TARGET_STEPS; length++) {
            for (int code = 0; code < 1 << length; code++) {
                int[] target = new int[length];
                for (int i = 0; i < length; i++) {
                    target[i] = 3 + ((code >> i) & 1);
                }
                all.add(target);
            }
        }
        return all;
    }

    private static double logProbability(ComputationGraph net, float[] source, int[] target) {
        double score = 0;
        for (int t = 0; t <= target.length && t < TARGET_STEPS; t++) {
            float[] p = stepProbabilities(net, source, Arrays.copyOf(target, t), t);
            score += Math.log(p[t < target.length ? target[t] : Vocabulary.END]);
        }
        return score;
    }

    /** P(next token) after the start marker and {@code sofar}, read at step {@code t}. */
    private static float[] stepProbabilities(ComputationGraph net, float[] source, int[] sofar, int t) {
        float[] decoder = new float[t + 1];
        decoder[0] = Vocabulary.END;
        for (int i = 0; i < t; i++) {
            decoder[i + 1] = sofar[i];
        }
        INDArray s = Nd4j.create(new float[][] {source});
        INDArray d = Nd4j.create(new float[][] {decoder});
        return net.output(
                        false,
                        new INDArray[] {s, TranslationNetwork.decoderInput(d)},
                        new INDArray[] {TokenBatches.mask(s), Nd4j.ones(d.dataType(), 1, t + 1)},
                        null)[0]
                .get(NDArrayIndex.point(0), NDArrayIndex.all(), NDArrayIndex.point(t))
                .toFloatVector();
    }
}
