package dev.anneal.worker.testing;

import dev.anneal.worker.train.TrainingMonitor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Records the epochs a training reports, and asks it to stop after a given one. */
public final class RecordingMonitor implements TrainingMonitor {

    public final List<Integer> epochs = new ArrayList<>();
    public int stopAfterEpoch = Integer.MAX_VALUE;

    @Override
    public boolean stopRequested() {
        return epochs.size() >= stopAfterEpoch;
    }

    @Override
    public boolean afterEpoch(int epoch, Map<String, Double> metrics) {
        epochs.add(epoch);
        return true;
    }
}
