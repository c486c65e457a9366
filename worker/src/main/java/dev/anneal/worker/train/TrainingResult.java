package dev.anneal.worker.train;

import java.util.List;
import java.util.Map;

/** How a training run ended. */
public sealed interface TrainingResult {

    /** Trained every epoch; {@code curve.get(e - 1)} holds epoch {@code e}'s metrics. */
    record Finished(List<Map<String, Double>> curve) implements TrainingResult {}

    /** The loss became NaN or infinite at {@code epoch}; the network cannot recover. */
    record Diverged(int epoch, String detail) implements TrainingResult {}

    /** Stopped on request after {@code epochsTrained} complete epochs. */
    record Stopped(int epochsTrained) implements TrainingResult {}
}
