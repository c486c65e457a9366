package dev.anneal.worker.run;

import dev.anneal.worker.prepare.PreparedData;
import dev.anneal.worker.train.TrainingMonitor;
import dev.anneal.worker.train.TrainingResult;
import dev.anneal.worker.train.TrialParams;

/** Trains a GAN trial. */
final class GanTrials {

    private GanTrials() {}

    static TrainingResult train(PreparedData data, TrialParams params, long seed, TrainingMonitor monitor) {
        throw new UnsupportedOperationException("gan is not wired yet");
    }
}
