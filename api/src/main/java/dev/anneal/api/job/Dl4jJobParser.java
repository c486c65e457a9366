package dev.anneal.api.job;

import dev.anneal.data.ColumnProfile;
import dev.anneal.data.CsvTable;
import dev.anneal.data.CsvTableReader;
import dev.anneal.data.DatasetProfile;
import dev.anneal.db.dataset.DatasetContentStore;
import dev.anneal.db.dataset.DatasetEntity;
import dev.anneal.db.dataset.DatasetRepository;
import dev.anneal.db.job.JobExecution;
import dev.anneal.spec.Execution;
import dev.anneal.spec.JobSpec;
import dev.anneal.spec.PrunerSpec;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * A DL4J job: Anneal trains each trial on a dataset, so the spec names the data, the model and
 * how to validate it, besides what every job has. Reads the dataset's profile once and hands it
 * to the checks that need it.
 */
record Dl4jJobParser(
        DatasetRepository datasets,
        DatasetContentStore contents,
        JsonMapper json,
        SearchRules searchRules,
        WarmStarts warmStarts,
        ModelBudget budget) {

    ParsedJob parse(SpecNode root, long project) {
        Set<String> known = new LinkedHashSet<>(JobSpecParser.COMMON);
        known.addAll(JobSpecParser.DL4J_ONLY);
        root.rejectUnknown(known);

        ModelSpecParser.Model model = ModelSpecParser.parse(root);
        Optional<DatasetEntity> dataset = root.string("dataset", true).flatMap(name -> dataset(root, name, project));
        Optional<DatasetProfile> profile = dataset.map(d -> json.readValue(d.getProfile(), DatasetProfile.class));
        Optional<String> sequenceTask = TextChecks.sequenceTask(root);
        boolean languageModel =
                sequenceTask.filter(JobSpec.LANGUAGE_MODEL::equals).isPresent();
        Optional<String> target = model.gan()
                ? DatasetChecks.ganTarget(root, model)
                : languageModel
                        ? DatasetChecks.noTarget(
                                root,
                                "a language model learns to continue its text column (model.text.column) and has no"
                                        + " target")
                        : root.string("target", true);
        Optional<ColumnProfile> targetColumn =
                target.flatMap(t -> profile.flatMap(p -> DatasetChecks.column(root, "target", p, t)));
        Optional<String> task = model.gan()
                ? DatasetChecks.ganTask(root)
                : model.series()
                        ? DatasetChecks.seriesTask(root)
                        : sequenceTask.isPresent()
                                ? TextChecks.checkSequenceModel(root, sequenceTask.get(), model)
                                : root.choice("task", false, model.readsText() ? TextChecks.TASKS : DatasetChecks.TASKS)
                                        .or(() -> targetColumn.map(DatasetChecks::inferTask));
        if (sequenceTask.isEmpty()) {
            // an image gan's label column holds classes, for its quality classifier
            task.ifPresent(t -> targetColumn.ifPresent(
                    c -> DatasetChecks.checkTarget(root, model.gan() ? JobSpec.CLASSIFICATION : t, c)));
        }
        List<String> features = root.strings("features").orElse(List.of());
        List<ColumnProfile> used = profile.map(p -> {
                    if (model.readsText()) {
                        return TextChecks.checkColumn(root, p, model.text(), target.orElse(null), features);
                    }
                    List<ColumnProfile> columns =
                            DatasetChecks.checkFeatures(root, p, target.orElse(null), features, model.series());
                    LayoutChecks.checkFeatures(root, model, columns);
                    return columns;
                })
                .orElse(List.of());

        SearchRules.Search search = searchRules.search(root, model.type());
        if (search.space() != null
                && model.readsText()
                && !used.isEmpty()
                && root.errors().isEmpty()) {
            TextChecks.checkVocabulary(
                    root,
                    () -> table(dataset.get()),
                    model.text(),
                    search.space().space(),
                    languageModel);
        }
        if (search.space() != null) {
            LayoutChecks.checkLayoutParameters(
                    root, model, search.space().space().parameters().keySet());
            LayoutChecks.checkTranslationParameters(
                    root,
                    sequenceTask.filter(JobSpec.TRANSLATION::equals).isPresent(),
                    search.space().space().parameters().keySet());
        }
        int rows = profile.map(DatasetProfile::rows).orElse(0);
        JobSpec.ValidationSpec validation = ValidationSpecParser.parse(root, model.series(), model.gan(), rows);
        if (sequenceTask.isPresent()) {
            TextChecks.checkSequenceTask(
                    root,
                    sequenceTask.get(),
                    validation,
                    search.space() == null ? null : search.space().space(),
                    targetColumn);
        }
        if (model.series() && search.space() != null) {
            SeriesChecks.checkLength(root, search.space().space(), model.horizon(), validation.last(), rows);
        }
        List<ObjectiveRules.Objective> objectives = ObjectiveRules.objectives(
                root,
                task.orElse(JobSpec.CLASSIFICATION),
                task.isPresent(),
                targetColumn.map(ColumnProfile::distinct).orElse(0),
                model.gan() && model.image() != null && target.isPresent());
        ObjectiveRules.Objective objective = objectives.get(0);
        List<JobSpec.ConstraintSpec> constraints =
                ConstraintRules.parse(root, task.isPresent() ? ObjectiveRules.recorded(task.get()) : null);
        WarmStart warmStart =
                objectives.size() > 1 ? WarmStart.NONE : warmStarts.parse(root, search, objective, project);
        Map<String, String> tags = JobTags.parse(root);
        Optional<PrunerSpec> pruner = PrunerSpecParser.parse(
                root, search.space() == null ? null : search.space().space());
        pruner.ifPresent(p -> TradeOffRules.check(root, objectives, p));
        JobSpec.PreprocessingSpec preprocessing = SpecDefaults.preprocessing(root);
        String name =
                SpecDefaults.name(root, dataset.map(DatasetEntity::getName).orElse("job") + "-" + model.type());
        String description = SpecDefaults.description(root);
        if (search.space() != null) {
            // also beside other problems: an oversized network is worth knowing about at once
            budget.check(
                    root,
                    model,
                    search.space().space(),
                    profile.map(p -> used),
                    task.orElse(JobSpec.REGRESSION),
                    targetColumn.map(ColumnProfile::distinct).orElse(0),
                    validation,
                    rows);
        }

        if (!root.errors().isEmpty()) {
            throw JobSpecParser.invalid(root.errors());
        }
        JobSpec spec = CommonParts.of(name, description, search, objectives, constraints, warmStart, pruner.get(), tags)
                .spec(
                        Execution.DL4J,
                        dataset.get().getName(),
                        target.orElse(null),
                        task.get(),
                        features,
                        model.spec(),
                        validation,
                        preprocessing);
        return ParsedJob.of(spec, JobExecution.DL4J, dataset.get());
    }

    private CsvTable table(DatasetEntity dataset) {
        byte[] gzip = contents.load(dataset.getContentSha256())
                .orElseThrow(
                        () -> new IllegalStateException("dataset " + dataset.getName() + " has no stored content"));
        return CsvTableReader.read(gzip);
    }

    private Optional<DatasetEntity> dataset(SpecNode root, String name, long project) {
        Optional<DatasetEntity> found = datasets.findVisible(name, project);
        if (found.isEmpty()) {
            root.error("dataset", "no dataset is named \"" + name + "\"; GET /api/v1/datasets lists them");
        }
        return found;
    }
}
