package dev.anneal.tuner.pruner;

import dev.anneal.tuner.study.Direction;
import java.util.ArrayList;
import java.util.List;

/**
 * Synthetic learning curves replayed against a pruner as a job would see them: every trial
 * reports its epochs in turn, and each report sees what the others reported at that epoch.
 */
final class Curves {

    private final Direction direction;
    private final List<double[]> curves = new ArrayList<>();
    private final List<Boolean> completed = new ArrayList<>();

    Curves(Direction direction) {
        this.direction = direction;
    }

    /** Adds a finished trial (number = its position) with {@code values[e - 1]} at epoch e. */
    Curves completed(double... values) {
        curves.add(values);
        completed.add(true);
        return this;
    }

    /** Adds a trial that reported these epochs and is still running (or was pruned). */
    Curves running(double... values) {
        curves.add(values);
        completed.add(false);
        return this;
    }

    /** The report of a new trial (numbered after the others) at {@code epoch} of {@code curve}. */
    Report report(int epoch, int maxEpoch, double... curve) {
        return reportOf(curves.size(), epoch, maxEpoch, curve);
    }

    Report reportOf(int number, int epoch, int maxEpoch, double... curve) {
        List<Report.Peer> peers = new ArrayList<>();
        for (int n = 0; n < curves.size(); n++) {
            if (n != number && curves.get(n).length >= epoch) {
                peers.add(new Report.Peer(n, completed.get(n), curves.get(n)[epoch - 1]));
            }
        }
        double best = curve[0];
        for (int e = 1; e < epoch; e++) {
            best = direction.isBetter(curve[e], best) ? curve[e] : best;
        }
        return new Report(number, epoch, curve[epoch - 1], best, maxEpoch, direction, peers);
    }
}
