package dev.anneal.tuner.random;

import java.util.random.RandomGenerator;

/**
 * Seeded Fisher-Yates shuffles of row indices, shared by every place that orders rows at random
 * (splits, mini-batches, bootstrap trees), so each draws its order the same way from its own
 * generator.
 */
public final class Permutations {

    private Permutations() {}

    /** Shuffles {@code a} in place; every order is equally likely. */
    public static void shuffle(int[] a, RandomGenerator random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** {@code 0 .. n-1} in a random order. */
    public static int[] shuffled(int n, RandomGenerator random) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        shuffle(a, random);
        return a;
    }
}
