package dev.anneal.tuner.sampler.gp;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * A Gaussian-process posterior over observed points: the Cholesky factor of the kernel matrix
 * (EJML) and the weights that give the predictive mean. Predicts the latent function (without
 * observation noise), with gradients with respect to the input for the acquisition optimizer.
 */
final class GaussianProcess {

    private final double[][] x;
    private final boolean[] categorical;
    private final KernelHyperparameters h;
    private final double[] lower;
    private final double[] alpha;
    private final int n;

    private GaussianProcess(
            double[][] x, boolean[] categorical, KernelHyperparameters h, double[] lower, double[] alpha) {
        this.x = x;
        this.categorical = categorical;
        this.h = h;
        this.lower = lower;
        this.alpha = alpha;
        this.n = x.length;
    }

    /**
     * Conditions the prior on {@code y} at {@code x}.
     *
     * @throws IllegalStateException if the kernel matrix stays singular even with added jitter
     */
    static GaussianProcess condition(double[][] x, double[] y, boolean[] categorical, KernelHyperparameters h) {
        int n = x.length;
        double[] l = cholesky(kernelMatrix(x, categorical, h), n);
        double[] alpha = y.clone();
        TriangularSolver_DDRM.solveL(l, alpha, n);
        TriangularSolver_DDRM.solveTranL(l, alpha, n);
        return new GaussianProcess(x, categorical, h, l, alpha);
    }

    /** K + noise I, row-major. */
    static double[] kernelMatrix(double[][] x, boolean[] categorical, KernelHyperparameters h) {
        int n = x.length;
        double[] k = new double[n * n];
        for (int a = 0; a < n; a++) {
            k[a * n + a] = h.scale() + h.noise();
            for (int b = 0; b < a; b++) {
                double v =
                        Matern52.value(Matern52.r2(x[a], x[b], h.inverseSquaredLengthscales(), categorical), h.scale());
                k[a * n + b] = v;
                k[b * n + a] = v;
            }
        }
        return k;
    }

    /** The lower Cholesky factor, adding diagonal jitter if rounding made the matrix indefinite. */
    static double[] cholesky(double[] k, int n) {
        double jitter = 0;
        for (int attempt = 0; attempt < 6; attempt++) {
            DMatrixRMaj m = new DMatrixRMaj(n, n, true, k);
            for (int i = 0; i < n; i++) {
                m.data[i * n + i] += jitter;
            }
            CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(n, true);
            if (chol.decompose(m)) {
                return chol.getT(null).data;
            }
            jitter = jitter == 0 ? 1e-8 : jitter * 100;
        }
        throw new IllegalStateException("kernel matrix is not positive definite");
    }

    int size() {
        return n;
    }

    /** Predictive mean and variance of the latent function at {@code z}. */
    double[] predict(double[] z) {
        double[] k = crossKernel(z);
        double mean = dot(k, alpha);
        TriangularSolver_DDRM.solveL(lower, k, n);
        double variance = Math.max(h.scale() - dot(k, k), 1e-12 * h.scale());
        return new double[] {mean, variance};
    }

    /**
     * Mean and variance at {@code z} with their gradients over the numeric dimensions
     * (categorical entries of the gradients are left at 0).
     */
    double[] predict(double[] z, double[] meanGradient, double[] varianceGradient) {
        double[] k = crossKernel(z);
        double mean = dot(k, alpha);
        double[] v = k.clone();
        TriangularSolver_DDRM.solveL(lower, v, n);
        double variance = h.scale() - dot(v, v);
        // w = K^-1 k, for d var / dz = -2 w . d k / dz
        TriangularSolver_DDRM.solveTranL(lower, v, n);
        java.util.Arrays.fill(meanGradient, 0);
        java.util.Arrays.fill(varianceGradient, 0);
        double[] rho = h.inverseSquaredLengthscales();
        for (int i = 0; i < n; i++) {
            double r2 = Matern52.r2(z, x[i], rho, categorical);
            double dk = Matern52.derivativeBySquaredDistance(r2, h.scale());
            for (int j = 0; j < z.length; j++) {
                if (!categorical[j]) {
                    // d r^2 / d z_j = 2 rho_j (z_j - x_ij)
                    double dkdz = dk * 2 * rho[j] * (z[j] - x[i][j]);
                    meanGradient[j] += alpha[i] * dkdz;
                    varianceGradient[j] -= 2 * v[i] * dkdz;
                }
            }
        }
        if (variance < 1e-12 * h.scale()) {
            variance = 1e-12 * h.scale();
            java.util.Arrays.fill(varianceGradient, 0);
        }
        return new double[] {mean, variance};
    }

    private double[] crossKernel(double[] z) {
        double[] k = new double[n];
        double[] rho = h.inverseSquaredLengthscales();
        for (int i = 0; i < n; i++) {
            k[i] = Matern52.value(Matern52.r2(z, x[i], rho, categorical), h.scale());
        }
        return k;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
