package dev.anneal.worker.train.gan;

import dev.anneal.data.CsvTableReader;
import dev.anneal.data.NumericColumn;
import dev.anneal.db.testing.SharedDatasets;
import dev.anneal.tuner.random.Permutations;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** The four iris measurements (not the species label), shuffled, split 100/50 and standardized with the training rows' statistics. */
record IrisRows(float[][] train, float[][] validation) {

    static IrisRows load() {
        List<double[]> columns = CsvTableReader.read(SharedDatasets.bytes("iris.csv")).columns().stream()
                .filter(c -> !c.name().equals("label"))
                .map(c -> ((NumericColumn) c).values())
                .toList();
        int rows = columns.get(0).length;
        int[] order = Permutations.shuffled(rows, new SplittableRandom(7));
        int trainRows = 100;
        float[][] all = new float[rows][columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            double[] values = columns.get(c);
            double mean = 0;
            for (int i = 0; i < trainRows; i++) {
                mean += values[order[i]];
            }
            mean /= trainRows;
            double variance = 0;
            for (int i = 0; i < trainRows; i++) {
                variance += (values[order[i]] - mean) * (values[order[i]] - mean);
            }
            double scale = Math.sqrt(variance / trainRows);
            for (int i = 0; i < rows; i++) {
                all[i][c] = (float) ((values[order[i]] - mean) / scale);
            }
        }
        return new IrisRows(Arrays.copyOfRange(all, 0, trainRows), Arrays.copyOfRange(all, trainRows, rows));
    }
}
