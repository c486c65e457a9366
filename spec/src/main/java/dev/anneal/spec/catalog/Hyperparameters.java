package dev.anneal.spec.catalog;

import static dev.anneal.spec.ModelFamilies.CNN;
import static dev.anneal.spec.ModelFamilies.GAN;
import static dev.anneal.spec.ModelFamilies.LSTM;
import static dev.anneal.spec.ModelFamilies.MLP;
import static dev.anneal.spec.catalog.HyperparameterDeclaration.choice;
import static dev.anneal.spec.catalog.HyperparameterDeclaration.flag;
import static dev.anneal.spec.catalog.HyperparameterDeclaration.real;
import static dev.anneal.spec.catalog.HyperparameterDeclaration.whole;

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
    public static final String TOKENIZATION = "tokenization";
    public static final String MAX_LENGTH = "maxLength";
    public static final String EMBEDDING_SIZE = "embeddingSize";
    public static final String READOUT = "readout";
    public static final String ATTENTION = "attention";
    public static final String BIDIRECTIONAL = "bidirectional";
    public static final String BEAM_WIDTH = "beamWidth";
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
    /** Filters of any convolution block: the first block's bound, and the cap of the doubling after it. */
    public static final int MAX_FILTERS = 512;

    public static final int MAX_WINDOW = 1000;
    /** Tokens a text row keeps: bounds the unrolled length of a text network. */
    public static final int MAX_TEXT_LENGTH = 2000;

    private static final Set<String> SUPERVISED = Set.of(MLP, CNN, LSTM);
    private static final Set<String> ALL_FAMILIES = Set.of(MLP, CNN, LSTM, GAN);

    /** In documentation order: the README's table, and the order of "known: ..." in errors. */
    private static final Map<String, Hyperparameter> ALL = index(
            real(LEARNING_RATE)
                    .above(0)
                    .atMost(10)
                    .byDefault(1e-3)
                    .usedBy(SUPERVISED)
                    .means("step size of the optimizer"),
            whole(BATCH_SIZE)
                    .atLeast(1)
                    .atMost(MAX_BATCH_SIZE)
                    .byDefault(32)
                    .usedBy(ALL_FAMILIES)
                    .means("rows per gradient step"),
            whole(EPOCHS)
                    .atLeast(1)
                    .atMost(MAX_EPOCHS)
                    .byDefault(20)
                    .usedBy(ALL_FAMILIES)
                    .means("passes over the training split"),
            real(DROPOUT)
                    .atLeast(0)
                    .atMost(0.95)
                    .byDefault(0.0)
                    .usedBy(ALL_FAMILIES)
                    .means("probability of dropping a hidden unit's input (cnn: in the dense head)"),
            real(WEIGHT_DECAY)
                    .atLeast(0)
                    .atMost(1)
                    .byDefault(0.0)
                    .usedBy(ALL_FAMILIES)
                    .means("L2 penalty coefficient on weights"),
            real(L1).atLeast(0)
                    .atMost(1)
                    .byDefault(0.0)
                    .usedBy(ALL_FAMILIES)
                    .means("L1 penalty coefficient on weights"),
            choice(OPTIMIZER)
                    .oneOf("sgd", "nesterov", "adam", "adamw", "rmsprop")
                    .byDefault("adam")
                    .usedBy(ALL_FAMILIES)
                    .means("gradient update rule (adamw: Adam with decoupled weight decay 0.01)"),
            real(MOMENTUM)
                    .atLeast(0)
                    .below(1)
                    .byDefault(0.9)
                    .usedBy(ALL_FAMILIES)
                    .means("momentum of the nesterov optimizer"),
            real(GRADIENT_CLIPPING)
                    .atLeast(0)
                    .atMost(1000)
                    .byDefault(0.0)
                    .usedBy(ALL_FAMILIES)
                    .means("largest L2 norm of each layer's gradient (0: no clipping)"),
            choice(LR_SCHEDULE)
                    .oneOf("none", "step", "exponential", "cosine")
                    .byDefault("none")
                    .usedBy(ALL_FAMILIES)
                    .means("learning rate over epochs: constant, halved every quarter of the epochs,"
                            + " decayed 100x exponentially, or cosine-annealed to 0"),
            whole(EARLY_STOPPING)
                    .atLeast(0)
                    .atMost(MAX_EPOCHS)
                    .byDefault(0)
                    .usedBy(SUPERVISED)
                    .means("stop after this many epochs without a better objective value (0: never)"),
            whole(HIDDEN_LAYERS)
                    .atLeast(1)
                    .atMost(MAX_HIDDEN_LAYERS)
                    .byDefault(2)
                    .usedBy(MLP, LSTM, GAN)
                    .means(
                            "hidden dense layers (mlp), stacked LSTM layers (lstm), hidden layers of each network (gan)"),
            whole(UNITS)
                    .atLeast(1)
                    .atMost(MAX_UNITS)
                    .byDefault(64)
                    .usedBy(MLP, LSTM, GAN)
                    .means("units in each hidden or recurrent layer"),
            choice(ACTIVATION)
                    .oneOf("relu", "leakyrelu", "elu", "selu", "gelu", "swish", "tanh", "sigmoid")
                    .byDefault("relu")
                    .usedBy(MLP, CNN)
                    .means("activation of the hidden layers"),
            flag(BATCH_NORM)
                    .byDefault(false)
                    .usedBy(MLP, CNN)
                    .means("batch normalization after each hidden or convolution layer"),
            whole(CONV_BLOCKS)
                    .atLeast(1)
                    .atMost(6)
                    .byDefault(2)
                    .usedBy(CNN)
                    .means("convolution blocks (convolution, then pooling)"),
            whole(FILTERS)
                    .atLeast(1)
                    .atMost(MAX_FILTERS)
                    .byDefault(32)
                    .usedBy(CNN, GAN)
                    .means("filters of the first block; each later block doubles them (gan with model.input: of the"
                            + " discriminator's first and the generator's last convolution)"),
            whole(KERNEL_SIZE)
                    .atLeast(1)
                    .atMost(11)
                    .byDefault(3)
                    .usedBy(CNN)
                    .means("side of the square convolution kernels"),
            choice(POOLING)
                    .oneOf("max", "avg", "none")
                    .byDefault("max")
                    .usedBy(CNN)
                    .means("2x2 pooling after each block"),
            whole(DENSE_UNITS)
                    .atLeast(1)
                    .atMost(MAX_UNITS)
                    .byDefault(128)
                    .usedBy(CNN)
                    .means("units of the dense layer before the output"),
            whole(WINDOW)
                    .atLeast(1)
                    .atMost(MAX_WINDOW)
                    .byDefault(12)
                    .usedBy(LSTM)
                    .means("time steps the network sees before each forecast (time-series lstm jobs)"),
            choice(TOKENIZATION)
                    .oneOf("words", "characters")
                    .byDefault("words")
                    .usedBy(LSTM)
                    .means("how text becomes tokens: lower-cased words and punctuation marks, or characters as"
                            + " written (text lstm jobs; language models always read characters)"),
            whole(MAX_LENGTH)
                    .atLeast(1)
                    .atMost(MAX_TEXT_LENGTH)
                    .byDefault(100)
                    .usedBy(LSTM)
                    .means("tokens of a text the network reads; longer texts are cut, shorter ones padded and the"
                            + " padding masked (text lstm jobs)"),
            whole(EMBEDDING_SIZE)
                    .atLeast(1)
                    .atMost(1024)
                    .byDefault(32)
                    .usedBy(LSTM)
                    .means("size of the learned vector of each token (text lstm jobs)"),
            choice(READOUT)
                    .oneOf("last", "max", "mean")
                    .byDefault("last")
                    .usedBy(LSTM)
                    .means("what the output layer sees of the last LSTM layer: its state after the last real step,"
                            + " or the maximum or mean of its outputs over every real step"),
            flag(BIDIRECTIONAL)
                    .byDefault(false)
                    .usedBy(LSTM)
                    .means("each LSTM layer also reads every sequence backwards, with its own weights, and"
                            + " outputs both directions side by side (not for language models; a translation's"
                            + " encoder only)"),
            flag(ATTENTION)
                    .byDefault(false)
                    .usedBy(LSTM)
                    .means("translation jobs: the decoder attends to every encoded source step (dot-product"
                            + " attention), not only to the encoder's last state"),
            whole(BEAM_WIDTH)
                    .atLeast(1)
                    .atMost(16)
                    .byDefault(1)
                    .usedBy(LSTM)
                    .means("translation jobs: targets kept per source while decoding (1: greedy decoding)"),
            whole(LATENT_SIZE)
                    .atLeast(1)
                    .atMost(1024)
                    .byDefault(16)
                    .usedBy(GAN)
                    .means("size of the generator's random input"),
            real(GENERATOR_LEARNING_RATE)
                    .above(0)
                    .atMost(10)
                    .byDefault(2e-4)
                    .usedBy(GAN)
                    .means("learning rate of the generator"),
            real(DISCRIMINATOR_LEARNING_RATE)
                    .above(0)
                    .atMost(10)
                    .byDefault(2e-4)
                    .usedBy(GAN)
                    .means("learning rate of the discriminator"),
            real(LABEL_SMOOTHING)
                    .atLeast(0)
                    .atMost(0.5)
                    .byDefault(0.0)
                    .usedBy(GAN)
                    .means("the discriminator's target for real rows is 1 minus this"),
            choice(NORMALIZATION)
                    .oneOf("standard", "minmax", "none")
                    .byDefault("standard")
                    .usedBy(ALL_FAMILIES)
                    .means("feature scaling fitted on the training split: z-scores, [0, 1], or raw values"),
            choice(IMPUTATION)
                    .oneOf("mean", "median", "most_frequent", "constant", "drop")
                    .byDefault("mean")
                    .usedBy(ALL_FAMILIES)
                    .means("missing feature values: filled from the training split, with preprocessing.fillValue,"
                            + " or rows dropped"),
            real(AUGMENTATION)
                    .atLeast(0)
                    .atMost(1)
                    .byDefault(0.0)
                    .usedBy(MLP, CNN)
                    .means(
                            "augmentation strength of training batches (images: shifts, rotations, noise; tabular: noise)"),
            real(MIXUP)
                    .atLeast(0)
                    .atMost(1)
                    .byDefault(0.0)
                    .usedBy(MLP)
                    .means("mixup alpha of training batches (0: off)"));

    private Hyperparameters() {}

    /** Keyed by name in declaration order; a name declared twice is a catalog mistake, not an override. */
    private static Map<String, Hyperparameter> index(Hyperparameter... declared) {
        Map<String, Hyperparameter> byName = new LinkedHashMap<>();
        for (Hyperparameter h : declared) {
            if (byName.putIfAbsent(h.name(), h) != null) {
                throw new IllegalStateException("hyperparameter " + h.name() + " is declared twice");
            }
        }
        return byName;
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
