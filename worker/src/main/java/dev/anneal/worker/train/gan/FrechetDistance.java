package dev.anneal.worker.train.gan;

/**
 * The Fréchet distance between two Gaussians fitted to sets of feature vectors (Heusel et al.
 * 2017, the "FID" when the features are Inception's; here a small classifier's):
 *
 * <pre>
 * d² = ‖μ₁ - μ₂‖² + Tr(Σ₁ + Σ₂ - 2 (Σ₁ Σ₂)^½)
 * </pre>
 *
 * <p>Tr((Σ₁ Σ₂)^½) is computed as Σᵢ √λᵢ over the eigenvalues of the symmetric positive
 * semi-definite Σ₁^½ Σ₂ Σ₁^½, which has the same eigenvalues as Σ₁ Σ₂; the symmetric square
 * root and the eigenvalues come from cyclic Jacobi rotations, exact enough and cheap at the
 * classifier's {@value ImageClassifier#FEATURES} dimensions. An instance keeps the statistics of
 * one (real) set, so each comparison costs only the other set's.
 */
final class FrechetDistance {

    private static final int MAX_SWEEPS = 100;

    private final double[] mean;
    private final double[][] covariance;
    private final double[][] covarianceRoot;
    private final double covarianceTrace;

    /** @param reference at least 2 feature vectors of equal width */
    FrechetDistance(float[][] reference) {
        mean = mean(reference);
        covariance = covariance(reference, mean);
        covarianceRoot = symmetricRoot(covariance);
        covarianceTrace = trace(covariance);
    }

    /** d² between the reference set and {@code other} (at least 2 vectors of the same width). */
    double to(float[][] other) {
        double[] m = mean(other);
        double[][] c = covariance(other, m);
        double meanTerm = 0;
        for (int i = 0; i < m.length; i++) {
            meanTerm += (m[i] - mean[i]) * (m[i] - mean[i]);
        }
        double[] eigenvalues = eigen(multiply(multiply(covarianceRoot, c), covarianceRoot), null);
        double rootTrace = 0;
        for (double lambda : eigenvalues) {
            rootTrace += Math.sqrt(Math.max(lambda, 0));
        }
        // rounding can leave a tiny negative value for identical sets
        return Math.max(0, meanTerm + covarianceTrace + trace(c) - 2 * rootTrace);
    }

    private static double[] mean(float[][] rows) {
        double[] m = new double[rows[0].length];
        for (float[] row : rows) {
            for (int i = 0; i < m.length; i++) {
                m[i] += row[i];
            }
        }
        for (int i = 0; i < m.length; i++) {
            m[i] /= rows.length;
        }
        return m;
    }

    /** The unbiased sample covariance. */
    private static double[][] covariance(float[][] rows, double[] mean) {
        int d = mean.length;
        double[][] c = new double[d][d];
        double[] centered = new double[d];
        for (float[] row : rows) {
            for (int i = 0; i < d; i++) {
                centered[i] = row[i] - mean[i];
            }
            for (int i = 0; i < d; i++) {
                for (int j = i; j < d; j++) {
                    c[i][j] += centered[i] * centered[j];
                }
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                c[i][j] /= rows.length - 1;
                c[j][i] = c[i][j];
            }
        }
        return c;
    }

    /** V diag(√max(λ, 0)) Vᵀ for the symmetric {@code a} = V diag(λ) Vᵀ. */
    static double[][] symmetricRoot(double[][] a) {
        int d = a.length;
        double[][] vectors = new double[d][d];
        double[] values = eigen(a, vectors);
        double[][] root = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double sum = 0;
                for (int k = 0; k < d; k++) {
                    sum += vectors[i][k] * Math.sqrt(Math.max(values[k], 0)) * vectors[j][k];
                }
                root[i][j] = sum;
            }
        }
        return root;
    }

    /**
     * Eigenvalues of the symmetric {@code a} by cyclic Jacobi rotations ({@code a} is not
     * changed); when {@code vectors} is given, it receives the eigenvectors as columns.
     */
    static double[] eigen(double[][] a, double[][] vectors) {
        int d = a.length;
        double[][] m = new double[d][];
        for (int i = 0; i < d; i++) {
            m[i] = a[i].clone();
            if (vectors != null) {
                java.util.Arrays.fill(vectors[i], 0);
                vectors[i][i] = 1;
            }
        }
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double off = 0;
            double diagonal = 0;
            for (int i = 0; i < d; i++) {
                diagonal += m[i][i] * m[i][i];
                for (int j = i + 1; j < d; j++) {
                    off += m[i][j] * m[i][j];
                }
            }
            if (off <= 1e-22 * Math.max(diagonal, Double.MIN_NORMAL)) {
                break;
            }
            for (int p = 0; p < d; p++) {
                for (int q = p + 1; q < d; q++) {
                    if (m[p][q] != 0) {
                        rotate(m, vectors, p, q);
                    }
                }
            }
        }
        double[] values = new double[d];
        for (int i = 0; i < d; i++) {
            values[i] = m[i][i];
        }
        return values;
    }

    /** One Jacobi rotation that zeroes m[p][q] (Golub &amp; Van Loan, algorithm 8.5.2). */
    private static void rotate(double[][] m, double[][] vectors, int p, int q) {
        double theta = (m[q][q] - m[p][p]) / (2 * m[p][q]);
        double t = Math.signum(theta == 0 ? 1 : theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        double c = 1 / Math.sqrt(t * t + 1);
        double s = t * c;
        int d = m.length;
        for (int k = 0; k < d; k++) {
            double mkp = m[k][p];
            double mkq = m[k][q];
            m[k][p] = c * mkp - s * mkq;
            m[k][q] = s * mkp + c * mkq;
        }
        for (int k = 0; k < d; k++) {
            double mpk = m[p][k];
            double mqk = m[q][k];
            m[p][k] = c * mpk - s * mqk;
            m[q][k] = s * mpk + c * mqk;
        }
        if (vectors != null) {
            for (int k = 0; k < d; k++) {
                double vkp = vectors[k][p];
                double vkq = vectors[k][q];
                vectors[k][p] = c * vkp - s * vkq;
                vectors[k][q] = s * vkp + c * vkq;
            }
        }
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int d = a.length;
        double[][] out = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < d; k++) {
                double aik = a[i][k];
                for (int j = 0; j < d; j++) {
                    out[i][j] += aik * b[k][j];
                }
            }
        }
        return out;
    }

    private static double trace(double[][] a) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i][i];
        }
        return sum;
    }
}
