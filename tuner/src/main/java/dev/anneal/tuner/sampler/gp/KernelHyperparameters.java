package dev.anneal.tuner.sampler.gp;

/**
 * Kernel hyperparameters: inverse squared lengthscales per dimension (inputs are in the unit
 * cube), the kernel's output variance and the observation noise variance (outputs standardized).
 * The GP fits these to the study's trials; they are not the trials' hyperparameters.
 */
record KernelHyperparameters(double[] inverseSquaredLengthscales, double scale, double noise) {

    int dimensions() {
        return inverseSquaredLengthscales.length;
    }

    /** As the fit's free variables: logs of every value, lengthscales first. */
    double[] toLog() {
        double[] t = new double[dimensions() + 2];
        for (int k = 0; k < dimensions(); k++) {
            t[k] = Math.log(inverseSquaredLengthscales[k]);
        }
        t[dimensions()] = Math.log(scale);
        t[dimensions() + 1] = Math.log(noise);
        return t;
    }

    static KernelHyperparameters fromLog(double[] t) {
        int d = t.length - 2;
        double[] rho = new double[d];
        for (int k = 0; k < d; k++) {
            rho[k] = Math.exp(t[k]);
        }
        return new KernelHyperparameters(rho, Math.exp(t[d]), Math.exp(t[d + 1]));
    }
}
