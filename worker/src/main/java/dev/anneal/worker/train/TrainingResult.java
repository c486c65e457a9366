package dev.anneal.worker.train;

import java.util.List;
import java.util.Map;

/** How a training run ended. */
public sealed interface TrainingResult {

    /**
     * Trained to the last epoch, or until early stopping ran out of patience.
     *
     * @param curve {@code curve.get(e - 1)} holds epoch {@code e}'s metrics (the mean over folds)
     * @param foldValues with k-fold validation, each epoch's objective value per fold; else empty
     * @param model the trial's model (its network at the chosen epoch)
     * @param stoppedEarly whether early stopping ended training before the last epoch
     * @param cost what the kept network costs ({@link ModelCost}); empty where not measured
     */
    record Finished(
            List<Map<String, Double>> curve,
            List<double[]> foldValues,
            TrainedModel model,
            boolean stoppedEarly,
            Map<String, Double> cost)
            implements TrainingResult {

        public Finished(
                List<Map<String, Double>> curve, List<double[]> foldValues, TrainedModel model, boolean stoppedEarly) {
            this(curve, foldValues, model, stoppedEarly, Map.of());
        }
    }

    /** The loss became NaN or infinite at {@code epoch}; the network cannot recover. */
    record Diverged(int epoch, String detail) implements TrainingResult {}

    /** Stopped on request after {@code epochsTrained} complete epochs. */
    record Stopped(int epochsTrained) implements TrainingResult {}
}
