package dev.anneal.worker.train.gan;

import dev.anneal.spec.JobSpec.ImageShape;
import java.util.Set;

/**
 * The hyperparameters of one GAN trial. Both networks share the architecture knobs ({@code units},
 * {@code hiddenLayers}), the optimizer and its regularization; only the learning rates are per
 * network, since the balance between the two players is the knob GANs are most sensitive to.
 *
 * @param generatorLearningRate step size of the generator's optimizer
 * @param discriminatorLearningRate step size of the discriminator's optimizer
 * @param latentSize width of the Gaussian noise vector the generator maps to a row
 * @param units hidden units of every hidden layer, in both networks
 * @param hiddenLayers hidden dense layers per network, at least 1
 * @param dropout probability of <em>dropping</em> a discriminator hidden layer's input, in [0,
 *     0.95]; the generator has none, since noise in its output only blurs the samples
 * @param labelSmoothing one-sided label smoothing in [0, 0.5]: the discriminator learns real rows
 *     as {@code 1 - labelSmoothing}, fake rows as 0
 * @param batchSize real rows per step; each step also generates as many fake rows
 * @param epochs passes over the training rows
 * @param optimizer {@code sgd}, {@code nesterov}, {@code adam}, {@code rmsprop} or {@code adamw}
 * @param momentum momentum of {@code nesterov}; ignored by the others
 * @param weightDecay L2 penalty coefficient on the weights; for {@code adamw} decoupled weight decay
 *     instead
 * @param gradientClipping per-layer L2 norm threshold for gradients, 0 for none
 * @param filters image GANs: filters of the discriminator's first and the generator's last
 *     convolution (the other one has twice as many); dense GANs ignore it
 * @param image the shape of the rows when they are images (height and width multiples of 4), for
 *     the convolutional networks of {@link ImageGanNetworks}; {@code null} for rows of a table
 */
public record GanSettings(
        double generatorLearningRate,
        double discriminatorLearningRate,
        int latentSize,
        int units,
        int hiddenLayers,
        double dropout,
        double labelSmoothing,
        int batchSize,
        int epochs,
        String optimizer,
        double momentum,
        double weightDecay,
        double gradientClipping,
        double l1,
        String lrSchedule,
        int iterationsPerEpoch,
        int filters,
        ImageShape image) {

    static final Set<String> OPTIMIZERS = Set.of("sgd", "nesterov", "adam", "rmsprop", "adamw");

    public GanSettings {
        require(generatorLearningRate > 0, "generatorLearningRate must be positive");
        require(discriminatorLearningRate > 0, "discriminatorLearningRate must be positive");
        require(latentSize >= 1, "latentSize must be at least 1");
        require(units >= 1, "units must be at least 1");
        require(hiddenLayers >= 1, "hiddenLayers must be at least 1");
        require(dropout >= 0 && dropout <= 0.95, "dropout must be in [0, 0.95]");
        require(labelSmoothing >= 0 && labelSmoothing <= 0.5, "labelSmoothing must be in [0, 0.5]");
        require(batchSize >= 1, "batchSize must be at least 1");
        require(epochs >= 1, "epochs must be at least 1");
        require(OPTIMIZERS.contains(optimizer), "unknown optimizer " + optimizer);
        require(momentum >= 0 && momentum < 1, "momentum must be in [0, 1)");
        require(weightDecay >= 0, "weightDecay must not be negative");
        require(gradientClipping >= 0, "gradientClipping must not be negative");
        require(l1 >= 0, "l1 must not be negative");
        require(iterationsPerEpoch >= 1, "iterationsPerEpoch must be at least 1");
        require(filters >= 1, "filters must be at least 1");
        require(
                image == null || image.height() % 4 == 0 && image.width() % 4 == 0,
                "an image GAN needs a height and width that are multiples of 4");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
