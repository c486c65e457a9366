package dev.anneal.api.model;

import dev.anneal.worker.prepare.PreprocessingRecord.TargetTransform;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One row's prediction: a class with every class's probability, or a value in the target's units. */
sealed interface Prediction permits Prediction.ClassPrediction, Prediction.Value, Prediction.Sequence {

    /**
     * @param label the most probable class (ties go to the first in the model's class order)
     * @param probabilities every class, in the model's class order
     */
    record ClassPrediction(String label, Map<String, Double> probabilities) implements Prediction {}

    record Value(double value) implements Prediction {}

    /** A translation: the decoded target tokens, space-separated as the target column writes them. */
    record Sequence(String sequence) implements Prediction {}

    /** Network outputs decoded with the target's training encoding. */
    static List<Prediction> decode(float[][] outputs, TargetTransform target) {
        return java.util.Arrays.stream(outputs)
                .map(out -> target.classes() != null ? classOf(out, target.classes()) : valueOf(out[0], target))
                .toList();
    }

    private static Prediction classOf(float[] probabilities, List<String> classes) {
        Map<String, Double> byClass = new LinkedHashMap<>();
        int best = 0;
        for (int c = 0; c < classes.size(); c++) {
            // through Float.toString: 0.25f, not 0.25000000372529, for a float32 network's output
            byClass.put(classes.get(c), Double.valueOf(Float.toString(probabilities[c])));
            if (probabilities[c] > probabilities[best]) {
                best = c;
            }
        }
        return new ClassPrediction(classes.get(best), byClass);
    }

    /** The network predicts the standardized target {@code (y - mean) / std}. */
    private static Prediction valueOf(float standardized, TargetTransform target) {
        return new Value(standardized * target.std() + target.mean());
    }
}
