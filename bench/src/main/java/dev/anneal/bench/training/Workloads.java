package dev.anneal.bench.training;

import dev.anneal.db.testing.SharedDatasets;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The training rows of each model, every example one flat row (features [n, width], one-hot
 * labels [n, 10]): flat rows let one batching code serve all three models; the CNN reads them
 * through {@code InputType.convolutionalFlat} and the LSTM batch is reshaped to [n, 8, 50].
 */
final class Workloads {

    /** MNIST rows used per epoch: enough for ~1.5 s epochs, so epoch-boundary costs are counted. */
    static final int MNIST_ROWS = 2048;

    static final int LSTM_ROWS = 1024;
    static final int LSTM_FEATURES = 8;
    static final int LSTM_STEPS = 50;

    private Workloads() {}

    static DataSet load(Model model) {
        return switch (model) {
            case MLP -> Digits.trainingSplit();
            case CNN -> mnist(MNIST_ROWS);
            case LSTM -> sequences(LSTM_ROWS, 7);
        };
    }

    /** mnist.csv.gz: 784 pixel columns (0..255, scaled to 0..1) then {@code label}. */
    static DataSet mnist(int rows) {
        float[][] x = new float[rows][784];
        float[][] y = new float[rows][10];
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(SharedDatasets.path("mnist.csv.gz"))),
                StandardCharsets.US_ASCII))) {
            in.readLine(); // header
            for (int r = 0; r < rows; r++) {
                String[] cells = in.readLine().split(",");
                for (int c = 0; c < 784; c++) {
                    x[r][c] = Integer.parseInt(cells[c]) / 255f;
                }
                y[r][Integer.parseInt(cells[784])] = 1;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DataSet(Nd4j.create(x), Nd4j.create(y));
    }

    /**
     * Seeded Gaussian sequences; the class is the arg-max of a fixed random projection of the
     * time-averaged features, so the labels are learnable (only throughput is measured, though).
     * Row layout is [feature][step], which reshapes to DL4J's NCW [n, 8, 50].
     */
    static DataSet sequences(int rows, long seed) {
        Random random = new Random(seed);
        float[][] projection = new float[LSTM_FEATURES][10];
        for (float[] p : projection) {
            for (int k = 0; k < 10; k++) {
                p[k] = (float) random.nextGaussian();
            }
        }
        float[][] x = new float[rows][LSTM_FEATURES * LSTM_STEPS];
        float[][] y = new float[rows][10];
        for (int r = 0; r < rows; r++) {
            float[] score = new float[10];
            for (int f = 0; f < LSTM_FEATURES; f++) {
                float sum = 0;
                for (int t = 0; t < LSTM_STEPS; t++) {
                    float v = (float) random.nextGaussian();
                    x[r][f * LSTM_STEPS + t] = v;
                    sum += v;
                }
                for (int k = 0; k < 10; k++) {
                    score[k] += sum * projection[f][k];
                }
            }
            int best = 0;
            for (int k = 1; k < 10; k++) {
                best = score[k] > score[best] ? k : best;
            }
            y[r][best] = 1;
        }
        return new DataSet(Nd4j.create(x), Nd4j.create(y));
    }
}
