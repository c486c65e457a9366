package dev.anneal.tuner.sampler.gp;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Minimizes a smooth function inside a box with a projected limited-memory BFGS: L-BFGS steps on
 * the variables not held at a bound, projection back into the box, Armijo backtracking. Small
 * and sufficient for the two problems the Gaussian-process sampler solves (kernel
 * hyperparameters, and the acquisition function over the unit cube), where dimensions are few.
 */
final class BoxLbfgs {

    /** f(x) and, written into {@code gradient}, its gradient. */
    interface Objective {
        double evaluate(double[] x, double[] gradient);
    }

    /** Where the search ended and the value there. */
    record Result(double[] x, double value, int evaluations) {}

    private static final int MEMORY = 8;
    private static final double ARMIJO = 1e-4;

    private BoxLbfgs() {}

    static Result minimize(
            Objective f, double[] start, double[] lower, double[] upper, int maxIterations, double tolerance) {
        return minimize(f, start, lower, upper, maxIterations, tolerance, 1e-10);
    }

    /**
     * @param tolerance stop when the projected gradient's largest entry is below this
     * @param relativeDecrease stop when an iteration improves f by less than this fraction of |f|
     */
    static Result minimize(
            Objective f,
            double[] start,
            double[] lower,
            double[] upper,
            int maxIterations,
            double tolerance,
            double relativeDecrease) {
        int n = start.length;
        double[] x = start.clone();
        project(x, lower, upper);
        double[] g = new double[n];
        double fx = f.evaluate(x, g);
        int evaluations = 1;
        Deque<double[]> ss = new ArrayDeque<>();
        Deque<double[]> ys = new ArrayDeque<>();
        double[] xNew = new double[n];
        double[] gNew = new double[n];
        for (int iteration = 0; iteration < maxIterations && Double.isFinite(fx); iteration++) {
            boolean[] free = freeVariables(x, g, lower, upper);
            double[] pg = new double[n];
            double pgMax = 0;
            for (int i = 0; i < n; i++) {
                pg[i] = free[i] ? g[i] : 0;
                pgMax = Math.max(pgMax, Math.abs(pg[i]));
            }
            if (pgMax < tolerance) {
                break;
            }
            double[] d = direction(pg, ss, ys, free);
            double slope = dot(d, pg);
            if (!(slope < 0)) {
                ss.clear();
                ys.clear();
                for (int i = 0; i < n; i++) {
                    d[i] = -pg[i];
                }
                slope = dot(d, pg);
            }
            double step = ss.isEmpty() ? Math.min(1.0, 1.0 / pgMax) : 1.0;
            boolean accepted = false;
            double fNew = fx;
            for (int tries = 0; tries < 25; tries++) {
                for (int i = 0; i < n; i++) {
                    xNew[i] = x[i] + step * d[i];
                }
                project(xNew, lower, upper);
                fNew = f.evaluate(xNew, gNew);
                evaluations++;
                double decrease = 0;
                for (int i = 0; i < n; i++) {
                    decrease += g[i] * (xNew[i] - x[i]);
                }
                if (Double.isFinite(fNew) && fNew <= fx + ARMIJO * decrease) {
                    accepted = true;
                    break;
                }
                step *= 0.5;
            }
            if (!accepted) {
                break;
            }
            double[] s = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = xNew[i] - x[i];
                y[i] = gNew[i] - g[i];
            }
            if (dot(s, y) > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
                ss.addLast(s);
                ys.addLast(y);
                if (ss.size() > MEMORY) {
                    ss.removeFirst();
                    ys.removeFirst();
                }
            }
            double previous = fx;
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            fx = fNew;
            if (Math.abs(previous - fx) <= relativeDecrease * (Math.abs(previous) + Math.abs(fx) + 1e-12)) {
                break;
            }
        }
        return new Result(x, fx, evaluations);
    }

    /** Variables at a bound whose gradient pushes them outward stay fixed this iteration. */
    private static boolean[] freeVariables(double[] x, double[] g, double[] lower, double[] upper) {
        boolean[] free = new boolean[x.length];
        for (int i = 0; i < x.length; i++) {
            boolean atLower = x[i] <= lower[i] && g[i] > 0;
            boolean atUpper = x[i] >= upper[i] && g[i] < 0;
            free[i] = !(atLower || atUpper);
        }
        return free;
    }

    /** The two-loop recursion on the free variables: an approximate Newton step. */
    private static double[] direction(double[] g, Deque<double[]> ss, Deque<double[]> ys, boolean[] free) {
        int n = g.length;
        double[] q = g.clone();
        int m = ss.size();
        double[][] s = ss.toArray(new double[0][]);
        double[][] y = ys.toArray(new double[0][]);
        double[] alpha = new double[m];
        double[] rho = new double[m];
        for (int k = m - 1; k >= 0; k--) {
            rho[k] = 1.0 / maskedDot(y[k], s[k], free);
            alpha[k] = rho[k] * maskedDot(s[k], q, free);
            for (int i = 0; i < n; i++) {
                if (free[i]) {
                    q[i] -= alpha[k] * y[k][i];
                }
            }
        }
        double gamma = m == 0 ? 1.0 : maskedDot(s[m - 1], y[m - 1], free) / maskedDot(y[m - 1], y[m - 1], free);
        if (!(gamma > 0) || !Double.isFinite(gamma)) {
            gamma = 1.0;
        }
        for (int i = 0; i < n; i++) {
            q[i] = free[i] ? q[i] * gamma : 0;
        }
        for (int k = 0; k < m; k++) {
            double beta = rho[k] * maskedDot(y[k], q, free);
            for (int i = 0; i < n; i++) {
                if (free[i]) {
                    q[i] += s[k][i] * (alpha[k] - beta);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            q[i] = -q[i];
        }
        return q;
    }

    private static double maskedDot(double[] a, double[] b, boolean[] mask) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            if (mask[i]) {
                sum += a[i] * b[i];
            }
        }
        return sum;
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static void project(double[] x, double[] lower, double[] upper) {
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.max(lower[i], Math.min(upper[i], x[i]));
        }
    }
}
