package dev.anneal.tuner.study;

/** Whether smaller or larger objective values are better. */
public enum Direction {
    MINIMIZE,
    MAXIMIZE;

    /** Whether {@code a} is strictly better than {@code b} in this direction. */
    public boolean isBetter(double a, double b) {
        return this == MINIMIZE ? a < b : a > b;
    }
}
