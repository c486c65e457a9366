package dev.anneal.worker.train.dense;

import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.regularization.L1Regularization;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.learning.regularization.WeightDecay;

/**
 * Turns one layer's mini-batch gradient into a parameter step in DL4J's order: clip the layer's
 * gradient norm, add the L1/L2 terms, apply the optimizer (SGD, Nesterov, RMSProp or Adam, with
 * its learning-rate schedule), add decoupled weight decay, subtract. The formulas are DL4J's
 * (Adam's bias correction counts iterations from 1, RMSProp starts its average at epsilon), so a
 * trial's curve does not depend on which path trained it.
 */
final class DenseUpdater {

    private final DenseLayout.Layer layer;
    private final IUpdater config;
    private final int weights;
    private final int count;
    /** Adam's first moment, Nesterov's velocity or RMSProp's mean square; null for SGD. */
    private final float[] first;
    /** Adam's second moment; null otherwise. */
    private final float[] second;

    DenseUpdater(DenseLayout.Layer layer) {
        this.layer = layer;
        this.config = layer.updater();
        this.weights = layer.nIn() * layer.nOut();
        this.count = layer.parameterCount();
        boolean stateful = config instanceof Adam || config instanceof Nesterovs || config instanceof RmsProp;
        this.first = stateful ? new float[count] : null;
        this.second = config instanceof Adam ? new float[count] : null;
        if (config instanceof RmsProp rms) {
            Arrays.fill(first, (float) rms.getEpsilon());
        }
    }

    /**
     * Steps the layer's parameters {@code p[offset..offset+count)} against the gradient in
     * {@code g} at the same positions (already averaged over the mini-batch; overwritten).
     */
    void step(float[] p, float[] g, int iteration, int epoch) {
        int offset = layer.weightOffset();
        clip(g, offset);
        regularizeBefore(layer.weightRegularization(), p, g, offset, weights, iteration, epoch);
        regularizeBefore(layer.biasRegularization(), p, g, offset + weights, count - weights, iteration, epoch);
        double lr = config.hasLearningRate() ? config.getLearningRate(iteration, epoch) : 1.0;
        update(g, offset, lr, iteration, epoch);
        decay(layer.weightRegularization(), p, g, offset, weights, lr, iteration, epoch);
        decay(layer.biasRegularization(), p, g, offset + weights, count - weights, lr, iteration, epoch);
        for (int i = offset, end = offset + count; i < end; i++) {
            p[i] -= g[i];
        }
    }

    private void clip(float[] g, int offset) {
        if (layer.clip() <= 0) {
            return;
        }
        double sum = 0;
        for (int i = offset, end = offset + count; i < end; i++) {
            sum += (double) g[i] * g[i];
        }
        double norm = Math.sqrt(sum);
        if (norm > layer.clip()) {
            float scale = (float) (layer.clip() / norm);
            for (int i = offset, end = offset + count; i < end; i++) {
                g[i] *= scale;
            }
        }
    }

    private static void regularizeBefore(
            List<Regularization> terms, float[] p, float[] g, int from, int n, int iteration, int epoch) {
        for (Regularization r : terms) {
            if (r instanceof L2Regularization l2) {
                float c = (float) l2.getL2().valueAt(iteration, epoch);
                for (int i = from, end = from + n; i < end; i++) {
                    g[i] += c * p[i];
                }
            } else if (r instanceof L1Regularization l1) {
                float c = (float) l1.getL1().valueAt(iteration, epoch);
                for (int i = from, end = from + n; i < end; i++) {
                    g[i] += c * Math.signum(p[i]);
                }
            }
        }
    }

    private static void decay(
            List<Regularization> terms, float[] p, float[] u, int from, int n, double lr, int iteration, int epoch) {
        for (Regularization r : terms) {
            if (r instanceof WeightDecay wd) {
                double c = wd.getCoeff().valueAt(iteration, epoch);
                float factor = (float) (wd.isApplyLR() ? c * lr : c);
                for (int i = from, end = from + n; i < end; i++) {
                    u[i] += factor * p[i];
                }
            }
        }
    }

    /** Replaces the gradient with the optimizer's update, in place. */
    private void update(float[] g, int offset, double lr, int iteration, int epoch) {
        if (config instanceof Adam adam) {
            double b1 = adam.getBeta1();
            double b2 = adam.getBeta2();
            double alpha = lr * Math.sqrt(1 - Math.pow(b2, iteration + 1)) / (1 - Math.pow(b1, iteration + 1));
            if (Double.isNaN(alpha) || alpha == 0.0) {
                alpha = adam.getEpsilon();
            }
            float fb1 = (float) b1;
            float fb2 = (float) b2;
            float fa = (float) alpha;
            float eps = (float) adam.getEpsilon();
            for (int i = 0; i < count; i++) {
                float gi = g[offset + i];
                float m = fb1 * first[i] + (1f - fb1) * gi;
                float v = fb2 * second[i] + (1f - fb2) * gi * gi;
                first[i] = m;
                second[i] = v;
                g[offset + i] = fa * m / ((float) Math.sqrt(v) + eps);
            }
        } else if (config instanceof Nesterovs nesterovs) {
            float mu = (float) nesterovs.currentMomentum(iteration, epoch);
            float flr = (float) lr;
            for (int i = 0; i < count; i++) {
                float previous = first[i];
                float v = mu * previous - flr * g[offset + i];
                first[i] = v;
                g[offset + i] = mu * previous - (1f + mu) * v;
            }
        } else if (config instanceof RmsProp rms) {
            float decay = (float) rms.getRmsDecay();
            float eps = (float) rms.getEpsilon();
            float flr = (float) lr;
            for (int i = 0; i < count; i++) {
                float gi = g[offset + i];
                float s = decay * first[i] + (1f - decay) * gi * gi;
                first[i] = s;
                g[offset + i] = flr * gi / ((float) Math.sqrt(s) + eps);
            }
        } else {
            float flr = (float) lr;
            for (int i = offset, end = offset + count; i < end; i++) {
                g[i] *= flr;
            }
        }
    }

    /** The penalty terms DL4J adds to a step's score: L1 and L2 (half the squared norm) and weight decay. */
    static double score(List<Regularization> terms, float[] p, int from, int n, int iteration, int epoch) {
        double total = 0;
        for (Regularization r : terms) {
            double c;
            boolean absolute = r instanceof L1Regularization;
            if (r instanceof L1Regularization l1) {
                c = l1.getL1().valueAt(iteration, epoch);
            } else if (r instanceof L2Regularization l2) {
                c = l2.getL2().valueAt(iteration, epoch) * 0.5;
            } else if (r instanceof WeightDecay wd) {
                c = wd.getCoeff().valueAt(iteration, epoch) * 0.5;
            } else {
                continue;
            }
            if (c == 0) {
                continue;
            }
            double sum = 0;
            for (int i = from, end = from + n; i < end; i++) {
                sum += absolute ? Math.abs(p[i]) : (double) p[i] * p[i];
            }
            total += c * sum;
        }
        return total;
    }
}
