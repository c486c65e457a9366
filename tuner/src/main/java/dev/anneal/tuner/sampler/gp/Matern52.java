package dev.anneal.tuner.sampler.gp;

/**
 * The Matérn-5/2 kernel with automatic relevance determination: one inverse squared lengthscale
 * per dimension. A categorical dimension contributes 1 to the squared distance when the choices
 * differ and 0 when they match (as Optuna's GP does), so its lengthscale says how much the
 * choice matters.
 */
final class Matern52 {

    static final double SQRT5 = Math.sqrt(5);

    private Matern52() {}

    /** Scaled squared distance: sum over dimensions of rho_k * diff_k^2. */
    static double r2(double[] a, double[] b, double[] inverseSquaredLengthscales, boolean[] categorical) {
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            double diff = categorical[k] ? (a[k] == b[k] ? 0 : 1) : a[k] - b[k];
            sum += inverseSquaredLengthscales[k] * diff * diff;
        }
        return sum;
    }

    static double value(double r2, double scale) {
        double r = Math.sqrt(r2);
        return scale * (1 + SQRT5 * r + 5.0 / 3.0 * r2) * Math.exp(-SQRT5 * r);
    }

    /** d k / d (r^2); finite at r = 0, so gradients need no special case at coincident points. */
    static double derivativeBySquaredDistance(double r2, double scale) {
        double r = Math.sqrt(r2);
        return -5.0 / 6.0 * scale * (1 + SQRT5 * r) * Math.exp(-SQRT5 * r);
    }
}
