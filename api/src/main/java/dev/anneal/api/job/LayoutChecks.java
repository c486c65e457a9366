package dev.anneal.api.job;

import dev.anneal.data.ColumnProfile;
import dev.anneal.spec.catalog.Hyperparameters;
import java.util.List;
import java.util.Set;

/**
 * The model's layout against the dataset's columns: the feature count an image or sequence
 * layout needs, and the series parameters a forecasting job must search or fix.
 */
final class LayoutChecks {

    private LayoutChecks() {}

    /**
     * Checks the feature columns against the layout: images and sequences need exactly the
     * declared number of numeric columns; time series need numeric columns.
     */
    static void checkFeatures(SpecNode root, ModelSpecParser.Model model, List<ColumnProfile> used) {
        Integer expected = model.expectedFeatures();
        if (expected != null && expected != used.size()) {
            root.error(
                    model.image() != null ? "model.input" : "model.sequence",
                    model.layoutText() + ", but there are " + used.size()
                            + " feature columns; list the columns in \"features\" or fix the shape");
        }
        if (expected != null || model.series()) {
            String what = model.image() != null ? "pixel" : model.series() ? "series" : "sequence";
            used.stream()
                    .filter(c -> !ColumnProfile.NUMERIC.equals(c.type()))
                    .findFirst()
                    .ifPresent(c -> root.error(
                            "features",
                            what + " column \"" + c.name() + "\" holds text (for example \""
                                    + (c.topValues().isEmpty()
                                            ? ""
                                            : c.topValues().get(0).value()) + "\"); " + what
                                    + " columns must be numbers"));
        }
    }

    /** Hyperparameters that only a text lstm reads. */
    static final List<String> TEXT_PARAMETERS =
            List.of(Hyperparameters.TOKENIZATION, Hyperparameters.MAX_LENGTH, Hyperparameters.EMBEDDING_SIZE);

    /** Hyperparameters that only a time-series lstm, or only a text lstm, reads. */
    static void checkLayoutParameters(SpecNode root, ModelSpecParser.Model model, Set<String> parameters) {
        if (!model.readsText()) {
            TEXT_PARAMETERS.stream()
                    .filter(parameters::contains)
                    .forEach(name -> root.error(
                            "searchSpace." + name, "is only used by lstm jobs that read a text column (model.text)"));
        }
        if (!model.series() && parameters.contains(Hyperparameters.WINDOW)) {
            root.error(
                    "searchSpace." + Hyperparameters.WINDOW,
                    "is only used by time-series lstm jobs (model.series); sequences declare their length in"
                            + " model.sequence");
        }
    }

    /** Attention needs a source to attend to and a beam a decoder: only a translation has them. */
    static void checkTranslationParameters(SpecNode root, boolean translation, Set<String> parameters) {
        if (translation) {
            return;
        }
        if (parameters.contains(Hyperparameters.ATTENTION)) {
            root.error(
                    "searchSpace." + Hyperparameters.ATTENTION,
                    "is only used by translation jobs (task \"translation\"), whose decoder attends to the"
                            + " encoded source");
        }
        if (parameters.contains(Hyperparameters.BEAM_WIDTH)) {
            root.error(
                    "searchSpace." + Hyperparameters.BEAM_WIDTH,
                    "is only used by translation jobs (task \"translation\"), whose targets are decoded");
        }
    }
}
