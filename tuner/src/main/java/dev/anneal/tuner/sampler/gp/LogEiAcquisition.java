package dev.anneal.tuner.sampler.gp;

/** Log expected improvement of a GP's latent function below {@code best} (minimization). */
final class LogEiAcquisition implements Acquisition {

    private final GaussianProcess gp;
    private final double best;
    private final double[] meanGradient;
    private final double[] varianceGradient;

    LogEiAcquisition(GaussianProcess gp, double best, int dimensions) {
        this.gp = gp;
        this.best = best;
        this.meanGradient = new double[dimensions];
        this.varianceGradient = new double[dimensions];
    }

    @Override
    public double value(double[] x) {
        double[] p = gp.predict(x);
        return LogExpectedImprovement.evaluate(p[0], p[1], best)[0];
    }

    @Override
    public double valueAndGradient(double[] x, double[] gradient) {
        double[] p = gp.predict(x, meanGradient, varianceGradient);
        double[] ei = LogExpectedImprovement.evaluate(p[0], p[1], best);
        for (int j = 0; j < gradient.length; j++) {
            gradient[j] = ei[1] * meanGradient[j] + ei[2] * varianceGradient[j];
        }
        return ei[0];
    }
}
