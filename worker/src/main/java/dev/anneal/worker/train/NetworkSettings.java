package dev.anneal.worker.train;

import static dev.anneal.spec.catalog.Hyperparameters.ACTIVATION;
import static dev.anneal.spec.catalog.Hyperparameters.GRADIENT_CLIPPING;
import static dev.anneal.spec.catalog.Hyperparameters.L1;
import static dev.anneal.spec.catalog.Hyperparameters.LEARNING_RATE;
import static dev.anneal.spec.catalog.Hyperparameters.LR_SCHEDULE;
import static dev.anneal.spec.catalog.Hyperparameters.MOMENTUM;
import static dev.anneal.spec.catalog.Hyperparameters.OPTIMIZER;
import static dev.anneal.spec.catalog.Hyperparameters.WEIGHT_DECAY;

import dev.anneal.spec.catalog.TrialParams;
import dev.anneal.worker.config.OneDnnHelpers;
import java.util.Map;
import java.util.TreeMap;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.MapSchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;

/**
 * The settings every network family shares: optimizer and learning-rate schedule, weight
 * penalties, gradient clipping, precision and seed. Schedules count iterations (mini-batches),
 * because epochs driven by hand do not advance DL4J's epoch counter.
 */
public final class NetworkSettings {

    /** Decoupled weight decay of {@code adamw} when the trial's weightDecay is 0 (PyTorch's default). */
    static final double ADAMW_DEFAULT_DECAY = 0.01;

    static {
        OneDnnHelpers.enable();
    }

    private NetworkSettings() {}

    /**
     * @param iterationsPerEpoch mini-batches per epoch, for the learning-rate schedule
     * @param learningRate the rate to start from (GAN networks each have their own)
     */
    public static NeuralNetConfiguration.Builder builder(
            TrialParams p, double learningRate, long seed, int epochs, int iterationsPerEpoch) {
        String optimizer = p.getString(OPTIMIZER);
        ISchedule schedule = schedule(p.getString(LR_SCHEDULE), learningRate, epochs, iterationsPerEpoch);
        var builder = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(updater(optimizer, learningRate, schedule, p.getDouble(MOMENTUM)))
                .l1(p.getDouble(L1));
        double decay = p.getDouble(WEIGHT_DECAY);
        if ("adamw".equals(optimizer)) {
            // AdamW (Loshchilov & Hutter): decay the weights directly instead of adding an L2 term
            builder.weightDecay(decay > 0 ? decay : ADAMW_DEFAULT_DECAY, true);
        } else {
            builder.l2(decay);
        }
        double clip = p.getDouble(GRADIENT_CLIPPING);
        if (clip > 0) {
            builder.gradientNormalization(GradientNormalization.ClipL2PerLayer).gradientNormalizationThreshold(clip);
        }
        return builder;
    }

    /** He initialization for rectifiers, Xavier for saturating activations. */
    static WeightInit weightInit(Activation activation) {
        return activation == Activation.TANH || activation == Activation.SIGMOID ? WeightInit.XAVIER : WeightInit.RELU;
    }

    static Activation activation(TrialParams p) {
        String name = p.getString(ACTIVATION);
        return switch (name) {
            case "relu" -> Activation.RELU;
            case "leakyrelu" -> Activation.LEAKYRELU;
            case "elu" -> Activation.ELU;
            case "selu" -> Activation.SELU;
            case "gelu" -> Activation.GELU;
            case "swish" -> Activation.SWISH;
            case "tanh" -> Activation.TANH;
            case "sigmoid" -> Activation.SIGMOID;
            default -> throw new IllegalArgumentException("unknown activation " + name);
        };
    }

    public static double learningRate(TrialParams p) {
        return p.getDouble(LEARNING_RATE);
    }

    public static IUpdater updater(String optimizer, double lr, ISchedule schedule, double momentum) {
        return switch (optimizer) {
            case "sgd" -> schedule == null ? new Sgd(lr) : new Sgd(schedule);
            case "nesterov" -> schedule == null ? new Nesterovs(lr, momentum) : new Nesterovs(schedule, momentum);
            case "rmsprop" -> schedule == null ? new RmsProp(lr) : new RmsProp(schedule);
            case "adam", "adamw" -> schedule == null ? new Adam(lr) : new Adam(schedule);
            default -> throw new IllegalArgumentException("unknown optimizer " + optimizer);
        };
    }

    /**
     * {@code step}: halved every quarter of the epochs; {@code exponential}: falls smoothly to 1% of
     * the start by the last epoch; {@code cosine}: cosine annealing to 0, changed once per epoch.
     */
    public static ISchedule schedule(String type, double lr, int epochs, int iterationsPerEpoch) {
        int total = Math.max(1, epochs * iterationsPerEpoch);
        return switch (type) {
            case "none" -> null;
            case "step" ->
                new StepSchedule(ScheduleType.ITERATION, lr, 0.5, Math.max(1, (epochs / 4) * iterationsPerEpoch));
            case "exponential" -> new ExponentialSchedule(ScheduleType.ITERATION, lr, Math.pow(0.01, 1.0 / total));
            case "cosine" -> {
                Map<Integer, Double> values = new TreeMap<>();
                for (int e = 0; e < epochs; e++) {
                    values.put(e * iterationsPerEpoch, lr * 0.5 * (1 + Math.cos(Math.PI * e / epochs)));
                }
                yield new MapSchedule(ScheduleType.ITERATION, values);
            }
            default -> throw new IllegalArgumentException("unknown learning-rate schedule " + type);
        };
    }
}
