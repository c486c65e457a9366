package dev.anneal.tuner.sampler.gp;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM;
import org.ejml.dense.row.linsol.chol.LinearSolverChol_DDRM;

/**
 * The negative log posterior of the kernel hyperparameters given standardized observations: the
 * GP's negative log marginal likelihood plus the negative log prior, with its gradient over the
 * logs of the hyperparameters. The priors are Optuna GPSampler's: on each inverse squared
 * lengthscale rho, -(0.1/rho + 0.1 rho) (which keeps lengthscales near the unit cube's size
 * unless the data insist), Gamma(2, 1) on the kernel variance and Gamma(1.1, 30) on the noise
 * variance (small noise expected, yet a noisy objective can say otherwise).
 */
final class MarginalLikelihood implements BoxLbfgs.Objective {

    private final double[][] x;
    private final double[] y;
    private final boolean[] categorical;
    private final int n;
    private final int d;
    /** Squared per-dimension differences of every pair, computed once per fit. */
    private final double[][] squaredDiffs;

    MarginalLikelihood(double[][] x, double[] y, boolean[] categorical) {
        this.x = x;
        this.y = y;
        this.categorical = categorical;
        this.n = x.length;
        this.d = categorical.length;
        this.squaredDiffs = new double[d][n * n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < a; b++) {
                for (int k = 0; k < d; k++) {
                    double diff = categorical[k] ? (x[a][k] == x[b][k] ? 0 : 1) : x[a][k] - x[b][k];
                    squaredDiffs[k][a * n + b] = diff * diff;
                }
            }
        }
    }

    @Override
    public double evaluate(double[] logTheta, double[] gradient) {
        KernelHyperparameters h = KernelHyperparameters.fromLog(logTheta);
        double[] rho = h.inverseSquaredLengthscales();
        double[] k = new double[n * n];
        double[] dkdr2 = new double[n * n];
        for (int a = 0; a < n; a++) {
            k[a * n + a] = h.scale() + h.noise();
            for (int b = 0; b < a; b++) {
                double r2 = 0;
                for (int j = 0; j < d; j++) {
                    r2 += rho[j] * squaredDiffs[j][a * n + b];
                }
                double v = Matern52.value(r2, h.scale());
                k[a * n + b] = v;
                k[b * n + a] = v;
                dkdr2[a * n + b] = Matern52.derivativeBySquaredDistance(r2, h.scale());
            }
        }
        // one Cholesky gives log|K|, alpha = K^-1 y and K^-1 (EJML's inverse exploits the triangles)
        LinearSolverChol_DDRM solver = new LinearSolverChol_DDRM(new CholeskyDecompositionInner_DDRM(true));
        DMatrixRMaj km = new DMatrixRMaj(n, n, true, k.clone());
        if (!solver.setA(km)) {
            java.util.Arrays.fill(gradient, 0);
            return Double.POSITIVE_INFINITY;
        }
        double[] l = solver.getDecomposition().getT(null).data;
        double[] alpha = y.clone();
        TriangularSolver_DDRM.solveL(l, alpha, n);
        double dataFit = 0;
        for (double v : alpha) {
            dataFit += v * v;
        }
        TriangularSolver_DDRM.solveTranL(l, alpha, n);
        double logDet = 0;
        for (int i = 0; i < n; i++) {
            logDet += Math.log(l[i * n + i]);
        }
        double value = 0.5 * dataFit + logDet + 0.5 * n * Math.log(2 * Math.PI);

        // W = K^-1 - alpha alpha^T; d(-log L)/d theta = 1/2 tr(W dK/d theta)
        DMatrixRMaj w = new DMatrixRMaj(n, n);
        solver.invert(w);
        double[] wd = w.data;
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                wd[a * n + b] -= alpha[a] * alpha[b];
            }
        }
        java.util.Arrays.fill(gradient, 0);
        double scaleTrace = 0;
        double noiseTrace = 0;
        for (int a = 0; a < n; a++) {
            noiseTrace += wd[a * n + a];
            scaleTrace += wd[a * n + a] * h.scale();
            for (int b = 0; b < a; b++) {
                // W is symmetric: the pair (a, b) and (b, a) count twice, then halved by the 1/2
                double wab = wd[a * n + b];
                scaleTrace += 2 * wab * k[a * n + b];
                double common = wab * dkdr2[a * n + b];
                for (int j = 0; j < d; j++) {
                    gradient[j] += common * rho[j] * squaredDiffs[j][a * n + b];
                }
            }
        }
        gradient[d] = 0.5 * scaleTrace;
        gradient[d + 1] = 0.5 * noiseTrace * h.noise();

        // priors, in the raw variables, as Optuna does (no change-of-variables term)
        for (int j = 0; j < d; j++) {
            value += 0.1 / rho[j] + 0.1 * rho[j];
            gradient[j] += -0.1 / rho[j] + 0.1 * rho[j];
        }
        value -= Math.log(h.scale()) - h.scale();
        gradient[d] -= 1 - h.scale();
        value -= 0.1 * Math.log(h.noise()) - 30 * h.noise();
        gradient[d + 1] -= 0.1 - 30 * h.noise();
        return value;
    }
}
