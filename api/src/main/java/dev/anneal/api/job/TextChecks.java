package dev.anneal.api.job;

import dev.anneal.data.CategoricalColumn;
import dev.anneal.data.Column;
import dev.anneal.data.ColumnProfile;
import dev.anneal.data.CsvTable;
import dev.anneal.data.DatasetProfile;
import dev.anneal.data.text.Tokenizer;
import dev.anneal.data.text.Vocabulary;
import dev.anneal.spec.JobSpec;
import dev.anneal.spec.catalog.Hyperparameters;
import dev.anneal.tuner.space.Distribution;
import dev.anneal.tuner.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Submission-time checks of jobs that read a text column ({@code model.text}): the column is
 * text, it is the only input, and some token survives the minimum count under every
 * tokenization the space can choose, so a hopeless spec fails at once rather than in every trial.
 */
final class TextChecks {

    /** Tasks of a text lstm job; {@code translation} is not among them yet. */
    static final List<String> TASKS = List.of(JobSpec.CLASSIFICATION, JobSpec.REGRESSION, JobSpec.LANGUAGE_MODEL);

    private TextChecks() {}

    /** The spec's task if it is one that only a text lstm has ({@code language_model}, {@code translation}). */
    static Optional<String> sequenceTask(SpecNode root) {
        var task = root.json().path("task");
        return task.isString()
                        && (JobSpec.LANGUAGE_MODEL.equals(task.stringValue())
                                || JobSpec.TRANSLATION.equals(task.stringValue()))
                ? Optional.of(task.stringValue())
                : Optional.empty();
    }

    static Optional<String> checkSequenceModel(SpecNode root, String task, ModelSpecParser.Model model) {
        if (!model.readsText()) {
            root.error(
                    "task",
                    task + " needs an lstm reading a text column: \"model\": {\"type\": \"lstm\","
                            + " \"text\": {\"column\": \"...\"}}");
        }
        return Optional.of(task);
    }

    /**
     * Language models and translations predict sequences and score one holdout: no folds, no
     * readout; a language model always reads characters, and a translation's target is text.
     */
    static void checkSequenceTask(
            SpecNode root,
            String task,
            JobSpec.ValidationSpec validation,
            SearchSpace space,
            Optional<ColumnProfile> target) {
        String what = JobSpec.LANGUAGE_MODEL.equals(task) ? "a language model" : "a translation";
        if (validation.isKfold()) {
            root.error("validation.type", what + " validates on a holdout; use \"holdout\"");
        }
        target.filter(c -> !ColumnProfile.CATEGORICAL.equals(c.type()))
                .ifPresent(c -> root.error(
                        "target",
                        "column \"" + c.name() + "\" holds numbers; a translation's target is text, its tokens"
                                + " separated by spaces"));
        if (space == null) {
            return;
        }
        if (space.parameters().containsKey(Hyperparameters.READOUT)) {
            root.error("searchSpace.readout", what + " predicts at every step; there is no readout to choose");
        }
        if (JobSpec.LANGUAGE_MODEL.equals(task) && space.parameters().containsKey(Hyperparameters.BIDIRECTIONAL)) {
            root.error(
                    "searchSpace.bidirectional",
                    "a language model predicts each character from the ones before it; reading the text"
                            + " backwards would show it the characters it must predict");
        }
        if (JobSpec.LANGUAGE_MODEL.equals(task) && space.parameters().containsKey(Hyperparameters.TOKENIZATION)) {
            root.error(
                    "searchSpace.tokenization",
                    "a language model always reads characters (its metric is bits per character)");
        }
    }

    /** @return the text column, the job's only input */
    static List<ColumnProfile> checkColumn(
            SpecNode root, DatasetProfile profile, JobSpec.TextSpec text, String target, List<String> features) {
        if (!features.isEmpty()) {
            root.error(
                    "features", "a text lstm job reads only its text column (model.text.column); remove \"features\"");
        }
        if (text.column().equals(target)) {
            root.error("model.text.column", "must not be the target column \"" + target + "\"");
        }
        Optional<ColumnProfile> column = DatasetChecks.column(root, "model.text.column", profile, text.column());
        column.filter(c -> !ColumnProfile.CATEGORICAL.equals(c.type()))
                .ifPresent(c -> root.error(
                        "model.text.column",
                        "column \"" + c.name() + "\" holds numbers (from " + c.min() + " to " + c.max()
                                + "), not text; a text model reads a column of text"));
        return column.map(List::of).orElse(List.of());
    }

    /**
     * Fits the vocabulary on every row (a superset of any training split) with each tokenization
     * the space can choose, up to the longest {@code maxLength}: empty means no trial can train.
     */
    static void checkVocabulary(
            SpecNode root, Supplier<CsvTable> table, JobSpec.TextSpec text, SearchSpace space, boolean languageModel) {
        if (text.minCount() <= 1) {
            return; // any row with a token gives a token
        }
        Optional<Column> column = table.get().column(text.column());
        if (column.isEmpty() || !(column.get() instanceof CategoricalColumn values)) {
            return; // reported by checkColumn
        }
        int maxLength = (int) LargestPoints.max(space, Hyperparameters.MAX_LENGTH);
        for (String spelling : languageModel ? List.of(Tokenizer.CHARACTERS.spelling()) : tokenizations(space)) {
            Tokenizer tokenizer = Tokenizer.of(spelling);
            List<List<String>> texts = new ArrayList<>(values.size());
            for (int row = 0; row < values.size(); row++) {
                texts.add(tokenizer.tokens(values.get(row), maxLength));
            }
            if (Vocabulary.fit(texts, text.minCount(), 1).tokens().isEmpty()) {
                root.error(
                        "model.text.minCount",
                        "no " + spelling + " token of column \"" + text.column() + "\" occurs " + text.minCount()
                                + " times in the whole dataset, so the vocabulary would be empty; lower minCount");
            }
        }
    }

    private static List<String> tokenizations(SearchSpace space) {
        Distribution d = space.parameters().get(Hyperparameters.TOKENIZATION);
        if (d == null) {
            return List.of(
                    (String) Hyperparameters.get(Hyperparameters.TOKENIZATION).defaultValue());
        }
        return d.values().stream().map(String::valueOf).distinct().toList();
    }
}
