package dev.anneal.api.job;

import static dev.anneal.spec.catalog.Hyperparameters.BATCH_NORM;
import static dev.anneal.spec.catalog.Hyperparameters.BATCH_SIZE;
import static dev.anneal.spec.catalog.Hyperparameters.CONV_BLOCKS;
import static dev.anneal.spec.catalog.Hyperparameters.DENSE_UNITS;
import static dev.anneal.spec.catalog.Hyperparameters.EMBEDDING_SIZE;
import static dev.anneal.spec.catalog.Hyperparameters.FILTERS;
import static dev.anneal.spec.catalog.Hyperparameters.HIDDEN_LAYERS;
import static dev.anneal.spec.catalog.Hyperparameters.KERNEL_SIZE;
import static dev.anneal.spec.catalog.Hyperparameters.LATENT_SIZE;
import static dev.anneal.spec.catalog.Hyperparameters.MAX_LENGTH;
import static dev.anneal.spec.catalog.Hyperparameters.POOLING;
import static dev.anneal.spec.catalog.Hyperparameters.UNITS;
import static dev.anneal.spec.catalog.Hyperparameters.WINDOW;

import dev.anneal.api.limits.LimitsProperties;
import dev.anneal.data.ColumnProfile;
import dev.anneal.spec.JobSpec;
import dev.anneal.spec.ModelFamilies;
import dev.anneal.spec.catalog.Hyperparameters;
import dev.anneal.spec.catalog.NetworkFootprint;
import dev.anneal.spec.catalog.TrialParams;
import dev.anneal.tuner.space.SearchSpace;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The per-trial model budget ({@code anneal.limits.model.*}), checked at submission against the
 * largest network the search space can produce on this dataset: every size parameter (units,
 * layers, filters, kernel, dense units, window, latent size, batch norm) at its largest value,
 * and every block count and pooling choice tried, since more pooled blocks can shrink the
 * network. The batch is the largest searched batch size, but never more than the dataset's rows.
 *
 * <p>Parallelism does not multiply the budget: a worker trains at most its {@code slots} trials at
 * once whatever a job's parallelism, so what must fit a worker is one trial per slot, and the caps
 * are sized as one slot's share.
 */
final class ModelBudget {

    /** Parameters that size a network, by family, in the order messages list them. */
    static final Map<String, List<String>> SIZES = Map.of(
            ModelFamilies.MLP, List.of(HIDDEN_LAYERS, UNITS, BATCH_NORM),
            ModelFamilies.CNN, List.of(CONV_BLOCKS, FILTERS, KERNEL_SIZE, POOLING, DENSE_UNITS, BATCH_NORM),
            ModelFamilies.LSTM,
                    List.of(HIDDEN_LAYERS, UNITS, WINDOW, MAX_LENGTH, EMBEDDING_SIZE, Hyperparameters.BIDIRECTIONAL),
            ModelFamilies.GAN, List.of(HIDDEN_LAYERS, UNITS, LATENT_SIZE, FILTERS));

    private final long maxParameters;
    private final long maxActivationBytes;

    ModelBudget(LimitsProperties.Model limits) {
        this.maxParameters = limits.parameters();
        this.maxActivationBytes = limits.activationMemory().toBytes();
    }

    /** The network one shape of data needs, for one point of the space. */
    private interface Network {
        NetworkFootprint of(TrialParams point);
    }

    /**
     * Reports on {@code searchSpace} if the largest trial is over a cap.
     *
     * @param columns the feature columns the job uses; empty when the dataset is unknown, and then
     *     only the families whose input the spec declares (cnn, sequence lstm) are checked
     * @param classes the target's distinct values (classification), else ignored
     * @param rows the dataset's rows (0 if unknown): a mini-batch never holds more
     */
    void check(
            SpecNode root,
            ModelSpecParser.Model model,
            SearchSpace space,
            Optional<List<ColumnProfile>> columns,
            String task,
            int classes,
            JobSpec.ValidationSpec validation,
            int rows) {
        boolean declaresInput = model.image() != null || model.sequence() != null || model.readsText();
        if (columns.isEmpty() && !declaresInput) {
            return; // the input width depends on data that was not found
        }
        List<ColumnProfile> features = columns.orElse(List.of());
        int outputs = JobSpec.CLASSIFICATION.equals(task) ? Math.max(2, classes) : 1;
        long width = features.stream().mapToLong(ModelBudget::inputs).sum();
        Network network = switch (model.type()) {
            case ModelFamilies.CNN -> p -> NetworkFootprint.cnn(model.image(), outputs, p);
            case ModelFamilies.LSTM ->
                model.readsText()
                        ? p -> NetworkFootprint.textLstm(model.text().maxVocabulary(), outputs, p)
                        : model.series()
                                ? p -> NetworkFootprint.lstm(features.size() + 1, p.getInt(WINDOW), outputs, p)
                                : p -> NetworkFootprint.lstm(
                                        model.sequence().features(),
                                        model.sequence().timesteps(),
                                        outputs,
                                        p);
            case ModelFamilies.GAN ->
                model.image() != null
                        ? p -> NetworkFootprint.imageGan(model.image(), p)
                        : p -> NetworkFootprint.gan(width, p);
            default -> p -> NetworkFootprint.mlp(width, outputs, p);
        };
        if (model.type().equals(ModelFamilies.CNN) && model.image() == null
                || model.type().equals(ModelFamilies.LSTM)
                        && !model.series()
                        && model.sequence() == null
                        && !model.readsText()) {
            return; // the layout was refused already
        }
        int folds = validation.isKfold() ? validation.folds() : 1;
        long batch =
                rows > 0 ? Math.min(LargestPoints.max(space, BATCH_SIZE), rows) : LargestPoints.max(space, BATCH_SIZE);

        NetworkFootprint largest = null;
        TrialParams largestPoint = null;
        NetworkFootprint widest = null;
        TrialParams widestPoint = null;
        for (TrialParams point : LargestPoints.of(space, model.type())) {
            NetworkFootprint f = network.of(point);
            if (largest == null || f.parameters() > largest.parameters()) {
                largest = f;
                largestPoint = point;
            }
            if (widest == null || f.activationsPerRow() > widest.activationsPerRow()) {
                widest = f;
                widestPoint = point;
            }
        }
        long parameters = NetworkFootprint.times(largest.parameters(), folds);
        if (parameters > maxParameters) {
            root.error(
                    "searchSpace",
                    "the largest network of this search space (" + LargestPoints.describe(largestPoint, model)
                            + ") has "
                            + largest.parameters() + " parameters"
                            + (folds > 1 ? ", " + parameters + " for its " + folds + " folds trained side by side" : "")
                            + "; a trial may hold at most " + maxParameters + " ("
                            + LimitsProperties.MODEL_PARAMETERS + "): search smaller "
                            + String.join(", ", SIZES.get(model.type())));
        }
        long activationBytes = widest.activationBytes(batch);
        if (activationBytes > maxActivationBytes) {
            root.error(
                    "searchSpace",
                    "the largest network of this search space (" + LargestPoints.describe(widestPoint, model)
                            + ", batchSize "
                            + batch + ") needs about " + megabytes(activationBytes)
                            + " MB of activations (batch " + batch + " × " + widest.activationsPerRow()
                            + " values per row × " + NetworkFootprint.BYTES_PER_VALUE + " bytes; its widest layer"
                            + " has " + widest.widestLayer() + " values per row); a trial may use at most "
                            + megabytes(maxActivationBytes) + " MB (" + LimitsProperties.MODEL_ACTIVATION_MEMORY
                            + "): search smaller batchSize, " + String.join(", ", SIZES.get(model.type())));
        }
    }

    /** Network inputs of one feature column: one for a number, one per category for text. */
    private static long inputs(ColumnProfile c) {
        if (!ColumnProfile.CATEGORICAL.equals(c.type())) {
            return 1;
        }
        return c.distinctCapped()
                ? ColumnProfile.MAX_ONE_HOT_CATEGORIES
                : Math.min(c.distinct(), ColumnProfile.MAX_ONE_HOT_CATEGORIES);
    }

    private static long megabytes(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }
}
