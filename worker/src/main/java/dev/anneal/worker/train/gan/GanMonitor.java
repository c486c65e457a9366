package dev.anneal.worker.train.gan;

import java.util.Map;

/** How a running GAN training talks to whoever runs it: stop checks and per-epoch reports. */
public interface GanMonitor {

    /** Polled between mini-batches, so a stop request takes effect within one step. */
    boolean stopRequested();

    /**
     * Called after every epoch with its metrics, in the order {@code loss}, {@code d_loss},
     * {@code val_mmd}, {@code val_c2st}.
     *
     * @return {@code false} to stop training now
     */
    boolean afterEpoch(int epoch, Map<String, Double> metrics);
}
