package dev.anneal.bench.training;

import java.util.Locale;

/**
 * The three reference models of reference.md section 4, with their mini-batch size, PyTorch 1.13
 * CPU float32 throughput (samples/s, median of 3) and the factor within which DL4J should come.
 */
enum Model {
    MLP("MLP 64-256-256-10, Adam, digits", 64, 37_270, 15_844, 3),
    CNN("LeNet 28x28x1, Adam, MNIST", 64, 1_378, 1_439, 2),
    LSTM("LSTM 64, 50x8 -> 10, Adam", 32, 1_618, 653, 2);

    final String title;
    final int batchSize;
    final double pytorchOneThread;
    final double pytorchTwoThreads;
    /** DL4J should reach at least PyTorch / this factor. */
    final double targetFactor;

    Model(String title, int batchSize, double pytorchOneThread, double pytorchTwoThreads, double targetFactor) {
        this.title = title;
        this.batchSize = batchSize;
        this.pytorchOneThread = pytorchOneThread;
        this.pytorchTwoThreads = pytorchTwoThreads;
        this.targetFactor = targetFactor;
    }

    double pytorch(int threads) {
        return threads == 1 ? pytorchOneThread : pytorchTwoThreads;
    }

    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Model of(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }

    /**
     * What the product's network factories do differently for this model: CnnNetworkFactory
     * caches im2col, LstmNetworkFactory builds batched LSTM layers.
     */
    String annealSettings() {
        return switch (this) {
            case CNN -> ",cache=device";
            case LSTM -> ",lstm=batched";
            default -> "";
        };
    }
}
