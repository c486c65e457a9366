package dev.anneal.worker.train;

import dev.anneal.worker.train.Hyperparameter.Kind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every hyperparameter name a DL4J job may search or fix. The api rejects other names and
 * values outside these bounds when a job is submitted, so training never meets them.
 */
public final class Hyperparameters {

    public static final String LEARNING_RATE = "learningRate";
    public static final String BATCH_SIZE = "batchSize";
    public static final String EPOCHS = "epochs";
    public static final String DROPOUT = "dropout";
    public static final String WEIGHT_DECAY = "weightDecay";
    public static final String L1 = "l1";
    public static final String OPTIMIZER = "optimizer";
    public static final String MOMENTUM = "momentum";
    public static final String HIDDEN_LAYERS = "hiddenLayers";
    public static final String UNITS = "units";
    public static final String ACTIVATION = "activation";

    /** Upper bounds that keep one trial within what a worker can train; documented in the README. */
    public static final int MAX_EPOCHS = 1000;

    public static final int MAX_BATCH_SIZE = 8192;
    public static final int MAX_HIDDEN_LAYERS = 10;
    public static final int MAX_UNITS = 4096;

    private static final Map<String, Hyperparameter> ALL = new LinkedHashMap<>();

    static {
        add(new Hyperparameter(
                LEARNING_RATE, Kind.FLOAT, 0, true, 10, false, List.of(), 1e-3, "step size of the optimizer"));
        add(new Hyperparameter(
                BATCH_SIZE, Kind.INT, 1, false, MAX_BATCH_SIZE, false, List.of(), 32L, "rows per gradient step"));
        add(new Hyperparameter(
                EPOCHS, Kind.INT, 1, false, MAX_EPOCHS, false, List.of(), 20L, "passes over the training split"));
        add(new Hyperparameter(
                DROPOUT,
                Kind.FLOAT,
                0,
                false,
                0.95,
                false,
                List.of(),
                0.0,
                "probability of dropping a hidden unit's input"));
        add(new Hyperparameter(
                WEIGHT_DECAY, Kind.FLOAT, 0, false, 1, false, List.of(), 0.0, "L2 penalty coefficient on weights"));
        add(new Hyperparameter(
                L1, Kind.FLOAT, 0, false, 1, false, List.of(), 0.0, "L1 penalty coefficient on weights"));
        add(new Hyperparameter(
                OPTIMIZER,
                Kind.CHOICE,
                0,
                false,
                0,
                false,
                List.of("sgd", "nesterov", "adam", "rmsprop"),
                "adam",
                "gradient update rule"));
        add(new Hyperparameter(
                MOMENTUM, Kind.FLOAT, 0, false, 1, true, List.of(), 0.9, "momentum of the nesterov optimizer"));
        add(new Hyperparameter(
                HIDDEN_LAYERS,
                Kind.INT,
                1,
                false,
                MAX_HIDDEN_LAYERS,
                false,
                List.of(),
                2L,
                "number of hidden dense layers"));
        add(new Hyperparameter(
                UNITS, Kind.INT, 1, false, MAX_UNITS, false, List.of(), 64L, "units in each hidden layer"));
        add(new Hyperparameter(
                ACTIVATION,
                Kind.CHOICE,
                0,
                false,
                0,
                false,
                List.of("relu", "leakyrelu", "elu", "selu", "gelu", "swish", "tanh", "sigmoid"),
                "relu",
                "activation of the hidden layers"));
    }

    private Hyperparameters() {}

    private static void add(Hyperparameter h) {
        ALL.put(h.name(), h);
    }

    public static Optional<Hyperparameter> find(String name) {
        return Optional.ofNullable(ALL.get(name));
    }

    public static Hyperparameter get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown hyperparameter " + name));
    }

    /** In documentation order. */
    public static List<Hyperparameter> all() {
        return List.copyOf(ALL.values());
    }

    public static List<String> names() {
        return List.copyOf(ALL.keySet());
    }
}
