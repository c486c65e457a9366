package dev.anneal.worker.train;

import java.util.Map;

/**
 * One network that {@link SupervisedTrainer}'s epoch loop trains: a fold of a supervised job, or
 * a text model whose batches and metrics are its own.
 */
public interface EpochRun extends AutoCloseable {

    /** @return the epoch's mean training loss, or {@code null} if a stop was requested */
    Double trainEpoch(int epoch, TrainingMonitor monitor);

    /** The epoch's validation metrics, {@code loss} (the training loss) included. */
    Map<String, Double> evaluate(double trainLoss);

    /** Remembers the current weights as the model to keep. */
    void keepCurrentWeights();

    /** The network with the kept weights (or the current ones if none were kept), ready to store. */
    TrainedModel modelZip();

    /**
     * What the network costs ({@link ModelCost}: {@code parameters}, {@code inference_ms}), for
     * runs whose jobs record it; empty otherwise.
     */
    default Map<String, Double> cost() {
        return Map.of();
    }

    @Override
    void close();
}
