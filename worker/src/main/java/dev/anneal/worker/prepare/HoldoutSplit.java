package dev.anneal.worker.prepare;

import dev.anneal.tuner.random.Permutations;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded train/validation split, or k of them (k-fold). With class labels it is stratified:
 * each class keeps its share in every part, so a small or sorted dataset (iris, wine) still
 * validates on every class.
 */
public final class HoldoutSplit {

    private final int[] train;
    private final int[] validation;

    private HoldoutSplit(int[] train, int[] validation) {
        this.train = train;
        this.validation = validation;
    }

    /**
     * @param classes class index per row, or {@code null} for an unstratified split
     * @return row indices of each part, ascending
     */
    public static HoldoutSplit of(int rows, int[] classes, double validationFraction, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Integer> train = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        for (int[] group : groups(rows, classes)) {
            Permutations.shuffle(group, rng);
            int n = group.length;
            int toValidation = (int) Math.round(validationFraction * n);
            if (n >= 2) {
                toValidation = Math.max(1, Math.min(n - 1, toValidation));
            } else {
                toValidation = 0;
            }
            for (int i = 0; i < n; i++) {
                (i < toValidation ? validation : train).add(group[i]);
            }
        }
        return new HoldoutSplit(sorted(train), sorted(validation));
    }

    /**
     * k folds: each row validates in exactly one; rows of a class are shuffled and dealt round the
     * folds in turn, continuing where the previous class stopped so fold sizes differ by at most one.
     *
     * @param classes class index per row, or {@code null} for unstratified folds
     */
    public static List<HoldoutSplit> kfold(int rows, int[] classes, int folds, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] foldOf = new int[rows];
        int next = 0;
        for (int[] group : groups(rows, classes)) {
            Permutations.shuffle(group, rng);
            for (int row : group) {
                foldOf[row] = next;
                next = (next + 1) % folds;
            }
        }
        List<HoldoutSplit> splits = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            List<Integer> train = new ArrayList<>();
            List<Integer> validation = new ArrayList<>();
            for (int row = 0; row < rows; row++) {
                (foldOf[row] == f ? validation : train).add(row);
            }
            splits.add(new HoldoutSplit(sorted(train), sorted(validation)));
        }
        return splits;
    }

    public int[] train() {
        return train.clone();
    }

    public int[] validation() {
        return validation.clone();
    }

    private static List<int[]> groups(int rows, int[] classes) {
        if (classes == null) {
            int[] all = new int[rows];
            Arrays.setAll(all, i -> i);
            return List.of(all);
        }
        int classCount = Arrays.stream(classes).max().orElse(-1) + 1;
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classCount; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int row = 0; row < rows; row++) {
            byClass.get(classes[row]).add(row);
        }
        return byClass.stream()
                .map(l -> l.stream().mapToInt(Integer::intValue).toArray())
                .toList();
    }

    private static int[] sorted(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).sorted().toArray();
    }
}
