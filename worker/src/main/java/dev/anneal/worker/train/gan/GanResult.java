package dev.anneal.worker.train.gan;

import java.util.List;
import java.util.Map;

/** How a GAN training ended. */
public sealed interface GanResult {

    /**
     * Trained every epoch; {@code curve.get(e - 1)} holds epoch {@code e}'s metrics, and {@code
     * generator} is the generator as it was after {@code bestEpoch}, the epoch with the lowest
     * {@code val_mmd}.
     */
    record Finished(List<Map<String, Double>> curve, int bestEpoch, Generator generator) implements GanResult {}

    /** A loss became NaN or infinite at {@code epoch}; the networks cannot recover. */
    record Diverged(int epoch, String detail) implements GanResult {}

    /** Stopped on request after {@code epochsTrained} complete epochs. */
    record Stopped(int epochsTrained) implements GanResult {}
}
