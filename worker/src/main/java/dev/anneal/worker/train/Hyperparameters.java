package dev.anneal.worker.train;

import static dev.anneal.spec.ModelFamilies.CNN;
import static dev.anneal.spec.ModelFamilies.GAN;
import static dev.anneal.spec.ModelFamilies.LSTM;
import static dev.anneal.spec.ModelFamilies.MLP;

import dev.anneal.worker.train.Hyperparameter.Kind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every hyperparameter name a DL4J job may search or fix, with the families that use it. The api
 * rejects other names, names of another family and values outside these bounds when a job is
 * submitted, so training never meets them. The README's hyperparameter table is this catalog.
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
    public static final String GRADIENT_CLIPPING = "gradientClipping";
    public static final String LR_SCHEDULE = "lrSchedule";
    public static final String EARLY_STOPPING = "earlyStopping";
    public static final String HIDDEN_LAYERS = "hiddenLayers";
    public static final String UNITS = "units";
    public static final String ACTIVATION = "activation";
    public static final String BATCH_NORM = "batchNorm";
    public static final String CONV_BLOCKS = "convBlocks";
    public static final String FILTERS = "filters";
    public static final String KERNEL_SIZE = "kernelSize";
    public static final String POOLING = "pooling";
    public static final String DENSE_UNITS = "denseUnits";
    public static final String WINDOW = "window";
    public static final String LATENT_SIZE = "latentSize";
    public static final String GENERATOR_LEARNING_RATE = "generatorLearningRate";
    public static final String DISCRIMINATOR_LEARNING_RATE = "discriminatorLearningRate";
    public static final String LABEL_SMOOTHING = "labelSmoothing";
    public static final String NORMALIZATION = "normalization";
    public static final String IMPUTATION = "imputation";
    public static final String AUGMENTATION = "augmentation";
    public static final String MIXUP = "mixup";

    /** Upper bounds that keep one trial within what a worker can train; documented in the README. */
    public static final int MAX_EPOCHS = 1000;

    public static final int MAX_BATCH_SIZE = 8192;
    public static final int MAX_HIDDEN_LAYERS = 10;
    public static final int MAX_UNITS = 4096;
    public static final int MAX_WINDOW = 1000;

    private static final Set<String> SUPERVISED = Set.of(MLP, CNN, LSTM);
    private static final Set<String> ALL_FAMILIES = Set.of(MLP, CNN, LSTM, GAN);
    private static final Map<String, Hyperparameter> ALL = new LinkedHashMap<>();

    static {
        real(LEARNING_RATE, 0, true, 10, false, 1e-3, SUPERVISED, "step size of the optimizer");
        whole(BATCH_SIZE, 1, MAX_BATCH_SIZE, 32, ALL_FAMILIES, "rows per gradient step");
        whole(EPOCHS, 1, MAX_EPOCHS, 20, ALL_FAMILIES, "passes over the training split");
        real(
                DROPOUT,
                0,
                false,
                0.95,
                false,
                0.0,
                ALL_FAMILIES,
                "probability of dropping a hidden unit's input (cnn: in the dense head)");
        real(WEIGHT_DECAY, 0, false, 1, false, 0.0, ALL_FAMILIES, "L2 penalty coefficient on weights");
        real(L1, 0, false, 1, false, 0.0, ALL_FAMILIES, "L1 penalty coefficient on weights");
        choice(
                OPTIMIZER,
                List.of("sgd", "nesterov", "adam", "adamw", "rmsprop"),
                "adam",
                ALL_FAMILIES,
                "gradient update rule (adamw: Adam with decoupled weight decay 0.01)");
        real(MOMENTUM, 0, false, 1, true, 0.9, ALL_FAMILIES, "momentum of the nesterov optimizer");
        real(
                GRADIENT_CLIPPING,
                0,
                false,
                1000,
                false,
                0.0,
                ALL_FAMILIES,
                "largest L2 norm of each layer's gradient (0: no clipping)");
        choice(
                LR_SCHEDULE,
                List.of("none", "step", "exponential", "cosine"),
                "none",
                ALL_FAMILIES,
                "learning rate over epochs: constant, halved every quarter of the epochs,"
                        + " decayed 100x exponentially, or cosine-annealed to 0");
        whole(
                EARLY_STOPPING,
                0,
                MAX_EPOCHS,
                0,
                SUPERVISED,
                "stop after this many epochs without a better objective value (0: never)");
        whole(
                HIDDEN_LAYERS,
                1,
                MAX_HIDDEN_LAYERS,
                2,
                Set.of(MLP, LSTM, GAN),
                "hidden dense layers (mlp), stacked LSTM layers (lstm), hidden layers of each network (gan)");
        whole(UNITS, 1, MAX_UNITS, 64, Set.of(MLP, LSTM, GAN), "units in each hidden or recurrent layer");
        choice(
                ACTIVATION,
                List.of("relu", "leakyrelu", "elu", "selu", "gelu", "swish", "tanh", "sigmoid"),
                "relu",
                Set.of(MLP, CNN),
                "activation of the hidden layers");
        ALL.put(
                BATCH_NORM,
                new Hyperparameter(
                        BATCH_NORM,
                        Kind.BOOLEAN,
                        0,
                        false,
                        0,
                        false,
                        List.of(),
                        false,
                        Set.of(MLP, CNN),
                        "batch normalization after each hidden or convolution layer"));
        whole(CONV_BLOCKS, 1, 6, 2, Set.of(CNN), "convolution blocks (convolution, then pooling)");
        whole(FILTERS, 1, 512, 32, Set.of(CNN), "filters of the first block; each later block doubles them");
        whole(KERNEL_SIZE, 1, 11, 3, Set.of(CNN), "side of the square convolution kernels");
        choice(POOLING, List.of("max", "avg", "none"), "max", Set.of(CNN), "2x2 pooling after each block");
        whole(DENSE_UNITS, 1, MAX_UNITS, 128, Set.of(CNN), "units of the dense layer before the output");
        whole(
                WINDOW,
                1,
                MAX_WINDOW,
                12,
                Set.of(LSTM),
                "time steps the network sees before each forecast (time-series lstm jobs)");
        whole(LATENT_SIZE, 1, 1024, 16, Set.of(GAN), "size of the generator's random input");
        real(GENERATOR_LEARNING_RATE, 0, true, 10, false, 2e-4, Set.of(GAN), "learning rate of the generator");
        real(DISCRIMINATOR_LEARNING_RATE, 0, true, 10, false, 2e-4, Set.of(GAN), "learning rate of the discriminator");
        real(
                LABEL_SMOOTHING,
                0,
                false,
                0.5,
                false,
                0.0,
                Set.of(GAN),
                "the discriminator's target for real rows is 1 minus this");
        choice(
                NORMALIZATION,
                List.of("standard", "minmax", "none"),
                "standard",
                ALL_FAMILIES,
                "feature scaling fitted on the training split: z-scores, [0, 1], or raw values");
        choice(
                IMPUTATION,
                List.of("mean", "median", "most_frequent", "constant", "drop"),
                "mean",
                ALL_FAMILIES,
                "missing feature values: filled from the training split, with preprocessing.fillValue,"
                        + " or rows dropped");
        real(
                AUGMENTATION,
                0,
                false,
                1,
                false,
                0.0,
                Set.of(MLP, CNN),
                "augmentation strength of training batches (images: shifts, rotations, noise; tabular: noise)");
        real(MIXUP, 0, false, 1, false, 0.0, Set.of(MLP), "mixup alpha of training batches (0: off)");
    }

    private Hyperparameters() {}

    private static void real(
            String name,
            double min,
            boolean minExclusive,
            double max,
            boolean maxExclusive,
            double defaultValue,
            Set<String> families,
            String description) {
        ALL.put(
                name,
                new Hyperparameter(
                        name,
                        Kind.FLOAT,
                        min,
                        minExclusive,
                        max,
                        maxExclusive,
                        List.of(),
                        defaultValue,
                        families,
                        description));
    }

    private static void whole(
            String name, long min, long max, long defaultValue, Set<String> families, String description) {
        ALL.put(
                name,
                new Hyperparameter(
                        name, Kind.INT, min, false, max, false, List.of(), defaultValue, families, description));
    }

    private static void choice(
            String name, List<String> choices, String defaultValue, Set<String> families, String description) {
        ALL.put(
                name,
                new Hyperparameter(
                        name, Kind.CHOICE, 0, false, 0, false, choices, defaultValue, families, description));
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

    /** The names a family reads, in documentation order. */
    public static List<String> namesFor(String family) {
        return ALL.values().stream()
                .filter(h -> h.appliesTo(family))
                .map(Hyperparameter::name)
                .toList();
    }
}
