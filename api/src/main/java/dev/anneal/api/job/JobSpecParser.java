package dev.anneal.api.job;

import dev.anneal.api.limits.LimitsProperties;
import dev.anneal.api.problem.ApiProblem;
import dev.anneal.api.problem.FieldError;
import dev.anneal.api.problem.ProblemTypes;
import dev.anneal.db.dataset.DatasetEntity;
import dev.anneal.db.dataset.DatasetRepository;
import dev.anneal.db.job.JobExecution;
import dev.anneal.db.job.JobRepository;
import dev.anneal.spec.DirectionJson;
import dev.anneal.spec.Execution;
import dev.anneal.spec.JobSpec;
import dev.anneal.tuner.pruner.PrunerSettings;
import dev.anneal.tuner.sampler.GridSampler;
import dev.anneal.tuner.sampler.Samplers;
import dev.anneal.tuner.space.InvalidSearchSpaceException;
import dev.anneal.worker.dataset.ColumnProfile;
import dev.anneal.worker.dataset.DatasetProfile;
import dev.anneal.worker.train.ObjectiveMetrics;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validates a submitted job spec and fills in its defaults. All problems are collected and
 * reported together as one 400 problem whose {@code errors} name each field; nothing is
 * written for a rejected spec. The README's job-spec reference documents every rule here.
 */
@Component
class JobSpecParser {

    static final int MAX_TRIALS = 10_000;
    static final int MAX_PARALLELISM = 64;
    static final int DEFAULT_TRIALS = 20;
    static final int DEFAULT_PARALLELISM = 2;
    static final int MAX_CLASSES = 1000;
    /** A numeric target with at most this many distinct values is taken as class labels. */
    static final int CLASSIFICATION_MAX_DISTINCT = 20;

    static final int MAX_ONE_HOT_CATEGORIES = 100;
    static final long MAX_SEED = (1L << 53) - 1;

    static final String DL4J = "dl4j";
    static final String EXTERNAL = "external";
    static final int MAX_METRIC_LENGTH = 200;

    /** Fields every job may have. */
    private static final Set<String> COMMON = Set.of(
            "name",
            "execution",
            "searchSpace",
            "algorithm",
            "objective",
            "maxTrials",
            "parallelism",
            "warmStartFrom",
            "initialTrials",
            "tags",
            "pruner");
    /** Fields only DL4J jobs have: what Anneal needs to train a model itself. */
    private static final List<String> DL4J_ONLY =
            List.of("dataset", "target", "task", "features", "model", "validation", "preprocessing");

    private static final List<String> EXECUTIONS = List.of(DL4J, EXTERNAL);
    private static final List<String> DIRECTIONS = List.of("minimize", "maximize");
    private static final List<String> TASKS = List.of(JobSpec.CLASSIFICATION, JobSpec.REGRESSION);

    private final DatasetRepository datasets;
    private final JobRepository jobs;
    private final JsonMapper json;
    private final SecureRandom seeds = new SecureRandom();
    private final SearchSpaceParser.Limits spaceLimits;
    private final ModelBudget budget;

    JobSpecParser(DatasetRepository datasets, JobRepository jobs, JsonMapper json, LimitsProperties limits) {
        this.datasets = datasets;
        this.jobs = jobs;
        this.json = json;
        this.spaceLimits = new SearchSpaceParser.Limits(
                limits.searchSpace().parameters(), limits.searchSpace().categoricalValues());
        this.budget = new ModelBudget(limits.model());
    }

    /**
     * @param project the submitting project: datasets and warm-start jobs are looked up in it
     * @throws ApiProblem (400) listing every problem found
     */
    ParsedJob parse(JsonNode body, long project) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw invalid(List.of(
                    new FieldError("", "the job spec must be a JSON object, but was " + SpecNode.describe(body))));
        }
        SpecNode root = new SpecNode(body, "", errors);
        String execution = root.choice("execution", false, EXECUTIONS).orElse(DL4J);
        if (!errors.isEmpty()) {
            // which other fields are allowed depends on the execution, so report it alone
            throw invalid(errors);
        }
        return EXTERNAL.equals(execution) ? external(root, project) : dl4j(root, project);
    }

    private ParsedJob dl4j(SpecNode root, long project) {
        Set<String> known = new LinkedHashSet<>(COMMON);
        known.addAll(DL4J_ONLY);
        root.rejectUnknown(known);

        ModelSpecParser.Model model = ModelSpecParser.parse(root);
        Optional<DatasetEntity> dataset = root.string("dataset", true).flatMap(name -> dataset(root, name, project));
        Optional<DatasetProfile> profile = dataset.map(d -> json.readValue(d.getProfile(), DatasetProfile.class));
        Optional<String> target = model.gan() ? noTarget(root) : root.string("target", true);
        Optional<ColumnProfile> targetColumn = target.flatMap(t -> profile.flatMap(p -> column(root, "target", p, t)));
        Optional<String> task = model.gan()
                ? ganTask(root)
                : model.series()
                        ? seriesTask(root)
                        : root.choice("task", false, TASKS).or(() -> targetColumn.map(JobSpecParser::inferTask));
        task.ifPresent(t -> targetColumn.ifPresent(c -> checkTarget(root, t, c)));
        List<String> features = root.strings("features").orElse(List.of());
        List<ColumnProfile> used = profile.map(p -> {
                    List<ColumnProfile> columns = checkFeatures(root, p, target.orElse(null), features, model.series());
                    ModelSpecParser.checkFeatures(root, model, columns);
                    return columns;
                })
                .orElse(List.of());

        Search search = search(root, model.type());
        if (search.space() != null) {
            ModelSpecParser.checkSeriesParameters(
                    root, model, search.space().space().parameters().keySet());
        }
        int rows = profile.map(DatasetProfile::rows).orElse(0);
        JobSpec.ValidationSpec validation = ValidationSpecParser.parse(root, model.series(), model.gan(), rows);
        if (model.series() && search.space() != null) {
            SeriesChecks.checkLength(root, search.space().space(), model.horizon(), validation.last(), rows);
        }
        Objective objective = objective(
                root,
                task.orElse(JobSpec.CLASSIFICATION),
                task.isPresent(),
                targetColumn.map(ColumnProfile::distinct).orElse(0));
        WarmStart warmStart = warmStart(root, search, objective, project);
        Map<String, String> tags = JobTags.parse(root);
        Optional<PrunerSettings> pruner = PrunerSpecParser.parse(
                root, search.space() == null ? null : search.space().space());
        JobSpec.PreprocessingSpec preprocessing = preprocessing(root);
        String name = name(root, dataset.map(DatasetEntity::getName).orElse("job") + "-" + model.type());
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
            throw invalid(root.errors());
        }
        JobSpec spec = new JobSpec(
                name,
                Execution.DL4J,
                dataset.get().getName(),
                target.orElse(null),
                task.get(),
                features,
                model.spec(),
                search.space().space(),
                search.order(),
                search.algorithm(),
                objective.spec(),
                validation,
                preprocessing,
                search.maxTrials(),
                search.parallelism(),
                warmStart.jobIds(),
                warmStart.initialTrials(),
                pruner.get(),
                tags);
        return parsed(spec, name, JobExecution.DL4J, dataset.get(), search, objective, tags);
    }

    /** GAN jobs model whole rows: there is no label column. */
    private static Optional<String> noTarget(SpecNode root) {
        if (root.has("target")) {
            root.error(
                    "target",
                    "gan jobs learn to generate whole rows and have no target; list the columns to generate in"
                            + " \"features\" (default: all)");
        }
        return Optional.empty();
    }

    private static Optional<String> ganTask(SpecNode root) {
        root.choice("task", false, List.of(JobSpec.GENERATION));
        return Optional.of(JobSpec.GENERATION);
    }

    /** Forecasting a series is regression on its future values. */
    private static Optional<String> seriesTask(SpecNode root) {
        root.choice("task", false, List.of(JobSpec.REGRESSION));
        return Optional.of(JobSpec.REGRESSION);
    }

    /** Settings of data preparation that are not searched, with their defaults. */
    private static JobSpec.PreprocessingSpec preprocessing(SpecNode root) {
        Optional<SpecNode> node = root.object("preprocessing", false);
        node.ifPresent(p -> p.rejectUnknown(Set.of("fillValue", "flips")));
        double fillValue = node.flatMap(p -> p.number("fillValue", false)).orElse(0.0);
        boolean flips = node.flatMap(p -> p.bool("flips")).orElse(false);
        return new JobSpec.PreprocessingSpec(fillValue, flips);
    }

    /**
     * An external job: the client evaluates each trial, so there is nothing to train on and the
     * objective is whatever the client measures, with a direction it must state.
     */
    private ParsedJob external(SpecNode root, long project) {
        for (String field : root.fieldNames()) {
            if (DL4J_ONLY.contains(field)) {
                root.error(
                        field,
                        "is not used by external jobs (execution \"external\"): the client evaluates each trial;"
                                + " remove it, or use execution \"dl4j\"");
            } else if (!COMMON.contains(field)) {
                root.error(field, "is not a known field of external jobs; known fields are " + List.copyOf(COMMON));
            }
        }
        Search search = search(root, null);
        Objective objective = root.object("objective", true)
                .map(JobSpecParser::externalObjective)
                .orElse(null);
        WarmStart warmStart = objective == null ? WarmStart.NONE : warmStart(root, search, objective, project);
        Map<String, String> tags = JobTags.parse(root);
        Optional<PrunerSettings> pruner = PrunerSpecParser.parse(root, null);
        String name = name(root, objective == null ? "external" : objective.metric() + "-external");

        if (!root.errors().isEmpty()) {
            throw invalid(root.errors());
        }
        JobSpec spec = new JobSpec(
                name,
                Execution.EXTERNAL,
                null,
                null,
                null,
                null,
                null,
                search.space().space(),
                search.order(),
                search.algorithm(),
                objective.spec(),
                null,
                null,
                search.maxTrials(),
                search.parallelism(),
                warmStart.jobIds(),
                warmStart.initialTrials(),
                pruner.get(),
                tags);
        return parsed(spec, name, JobExecution.EXTERNAL, null, search, objective, tags);
    }

    private static Objective externalObjective(SpecNode node) {
        for (String field : node.fieldNames()) {
            if (field.equals("epoch")) {
                node.error(field, "is not used by external jobs: the client tells each trial's value");
            } else if (!field.equals("metric") && !field.equals("direction")) {
                node.error(field, "is not a known field; known fields are [metric, direction]");
            }
        }
        Optional<String> metric = node.string("metric", true);
        metric.filter(m -> m.length() > MAX_METRIC_LENGTH)
                .ifPresent(m -> node.error(
                        "metric", "must be at most " + MAX_METRIC_LENGTH + " characters, but has " + m.length()));
        Optional<String> direction = node.choice("direction", true, DIRECTIONS);
        return new Objective(metric.orElse(""), direction.orElse(""), null);
    }

    /** What both kinds of job share: the search space, the algorithm and the trial limits. */
    private record Search(
            SearchSpaceParser.Parsed space, JobSpec.AlgorithmSpec algorithm, int maxTrials, int parallelism) {

        /** The parameters in the order the user wrote them: grid enumeration follows it. */
        List<String> order() {
            return List.copyOf(space.space().parameters().keySet());
        }
    }

    /** @param family the model family whose hyperparameters the space may use; {@code null} for external jobs */
    private Search search(SpecNode root, String family) {
        Optional<SearchSpaceParser.Parsed> space =
                root.object("searchSpace", true).flatMap(s -> SearchSpaceParser.parse(s, family, spaceLimits));
        JobSpec.AlgorithmSpec algorithm = algorithm(root);
        space.ifPresent(s -> checkSampler(root, algorithm.type(), s));
        boolean grid = "grid".equals(algorithm.type());
        long gridSize = space.map(s -> s.space().gridSize()).orElse(Long.MAX_VALUE);
        int maxTrials = root.integer("maxTrials", false, 1, MAX_TRIALS)
                .map(Long::intValue)
                .orElse(grid ? (int) Math.min(gridSize, MAX_TRIALS) : DEFAULT_TRIALS);
        if (grid) {
            maxTrials = (int) Math.min(maxTrials, gridSize);
        }
        int parallelism = root.integer("parallelism", false, 1, MAX_PARALLELISM)
                .map(Long::intValue)
                .orElse(DEFAULT_PARALLELISM);
        return new Search(space.orElse(null), algorithm, maxTrials, parallelism);
    }

    private WarmStart warmStart(SpecNode root, Search search, Objective objective, long project) {
        if (search.space() == null) {
            return WarmStart.NONE;
        }
        return WarmStartParser.parse(
                root,
                search.space().space(),
                objective.metric(),
                objective.direction(),
                search.maxTrials(),
                id -> jobs.findByIdAndProjectId(id, project),
                json);
    }

    private static ParsedJob parsed(
            JobSpec spec,
            String name,
            JobExecution execution,
            DatasetEntity dataset,
            Search search,
            Objective objective,
            Map<String, String> tags) {
        return new ParsedJob(
                spec,
                name,
                execution,
                dataset,
                search.space().space(),
                search.algorithm().type(),
                objective.metric(),
                spec.objective().direction(),
                search.maxTrials(),
                search.parallelism(),
                tags);
    }

    private Optional<DatasetEntity> dataset(SpecNode root, String name, long project) {
        Optional<DatasetEntity> found = datasets.findVisible(name, project);
        if (found.isEmpty()) {
            root.error("dataset", "no dataset is named \"" + name + "\"; GET /api/v1/datasets lists them");
        }
        return found;
    }

    private static Optional<ColumnProfile> column(SpecNode root, String field, DatasetProfile profile, String name) {
        Optional<ColumnProfile> column = profile.column(name);
        if (column.isEmpty()) {
            root.error(
                    field,
                    "must be a column of the dataset, one of " + columnNames(profile) + ", but was \"" + name + "\"");
        }
        return column;
    }

    static String inferTask(ColumnProfile target) {
        boolean fewValues = !target.distinctCapped() && target.distinct() <= CLASSIFICATION_MAX_DISTINCT;
        return ColumnProfile.CATEGORICAL.equals(target.type()) || fewValues
                ? JobSpec.CLASSIFICATION
                : JobSpec.REGRESSION;
    }

    private static void checkTarget(SpecNode root, String task, ColumnProfile target) {
        if (JobSpec.REGRESSION.equals(task) && !ColumnProfile.NUMERIC.equals(target.type())) {
            root.error("task", "regression needs a numeric target, but column \"" + target.name() + "\" holds text");
        }
        if (JobSpec.CLASSIFICATION.equals(task) && !target.distinctCapped() && target.distinct() < 2) {
            root.error(
                    "target",
                    "classification needs at least 2 classes, but column \"" + target.name() + "\" has "
                            + target.distinct() + (target.distinct() == 1 ? " value" : " values"));
        }
        if (JobSpec.CLASSIFICATION.equals(task) && (target.distinctCapped() || target.distinct() > MAX_CLASSES)) {
            root.error(
                    "task",
                    "classification allows at most " + MAX_CLASSES + " classes, but column \"" + target.name()
                            + "\" has more; use task regression for a continuous target");
        }
    }

    /**
     * @param target {@code null} for GAN jobs
     * @param series time series may have no feature column: the target is its own input
     * @return the feature columns the job will use
     */
    private static List<ColumnProfile> checkFeatures(
            SpecNode root, DatasetProfile profile, String target, List<String> features, boolean series) {
        List<ColumnProfile> used = new ArrayList<>();
        if (features.isEmpty()) {
            if (!series) {
                profile.columns().stream().filter(c -> !c.name().equals(target)).forEach(used::add);
            }
            if (used.isEmpty() && !series) {
                root.error("features", "the dataset has no column besides the target to learn from");
            }
        } else {
            for (String f : features) {
                if (f.equals(target)) {
                    root.error("features", "must not include the target column \"" + target + "\"");
                }
                column(root, "features", profile, f).ifPresent(used::add);
            }
        }
        for (ColumnProfile c : used) {
            if (ColumnProfile.CATEGORICAL.equals(c.type())
                    && (c.distinctCapped() || c.distinct() > MAX_ONE_HOT_CATEGORIES)) {
                root.error(
                        "features",
                        "column \"" + c.name() + "\" has " + (c.distinctCapped() ? "over 1000" : c.distinct())
                                + " distinct text values; at most " + MAX_ONE_HOT_CATEGORIES
                                + " can be one-hot encoded: list the features to use without it");
            }
        }
        return used;
    }

    private JobSpec.AlgorithmSpec algorithm(SpecNode root) {
        Optional<SpecNode> node = root.object("algorithm", false);
        node.ifPresent(a -> a.rejectUnknown(Set.of("type", "seed")));
        String type = node.flatMap(a -> a.choice("type", false, Samplers.NAMES)).orElse("random");
        long seed = node.flatMap(a -> a.integer("seed", false, 0, MAX_SEED))
                .orElseGet(() -> seeds.nextLong() & 0x7FFFFFFFL);
        return new JobSpec.AlgorithmSpec(type, seed);
    }

    private static void checkSampler(SpecNode root, String algorithm, SearchSpaceParser.Parsed space) {
        try {
            Samplers.create(algorithm, space.space());
        } catch (InvalidSearchSpaceException e) {
            String field = e.parameter() == null ? "searchSpace" : "searchSpace." + e.parameter() + "." + e.field();
            root.error(
                    field, e.getMessage() + (e.parameter() == null ? " (limit " + GridSampler.MAX_POINTS + ")" : ""));
        }
    }

    private record Objective(String metric, String direction, String epoch) {

        JobSpec.ObjectiveSpec spec() {
            return new JobSpec.ObjectiveSpec(metric, DirectionJson.parse(direction), epoch);
        }
    }

    /** @param classes the target's distinct values (classification), to refuse val_auc beyond two classes */
    private static Objective objective(SpecNode root, String task, boolean taskKnown, int classes) {
        Optional<SpecNode> node = root.object("objective", false);
        node.ifPresent(o -> o.rejectUnknown(Set.of("metric", "direction", "epoch")));
        List<String> metrics = ObjectiveMetrics.names(task);
        String metric = node.flatMap(o -> o.string("metric", false)).orElse(ObjectiveMetrics.defaultMetric(task));
        if (taskKnown && !metrics.contains(metric)) {
            root.error(
                    "objective.metric", "must be one of " + metrics + " for " + task + ", but was \"" + metric + "\"");
            return new Objective(metric, "maximize", "best");
        }
        if (ObjectiveMetrics.VAL_AUC.equals(metric) && classes > 2) {
            root.error(
                    "objective.metric",
                    "val_auc is defined for two classes, but the target has " + classes
                            + "; use val_f1, val_accuracy or val_loss");
        }
        boolean natural = Boolean.TRUE.equals(ObjectiveMetrics.maximized(task, metric));
        String naturalDirection = natural ? "maximize" : "minimize";
        String direction =
                node.flatMap(o -> o.choice("direction", false, DIRECTIONS)).orElse(naturalDirection);
        if (taskKnown && !direction.equals(naturalDirection)) {
            root.error(
                    "objective.direction",
                    metric + " is better when " + (natural ? "larger" : "smaller") + ", so direction must be "
                            + naturalDirection + ", but was " + direction);
        }
        String epoch = node.flatMap(o -> o.choice("epoch", false, List.of("best", "last")))
                .orElse("best");
        return new Objective(metric, direction, epoch);
    }

    private static String name(SpecNode root, String fallback) {
        Optional<String> name = root.string("name", false);
        name.filter(n -> n.length() > 200)
                .ifPresent(n -> root.error("name", "must be at most 200 characters, but has " + n.length()));
        return name.orElse(fallback);
    }

    private static List<String> columnNames(DatasetProfile profile) {
        List<String> names = profile.columns().stream().map(ColumnProfile::name).toList();
        return names.size() <= 12
                ? names
                : List.of(String.join(", ", names.subList(0, 12)) + ", ... (" + names.size() + " columns)");
    }

    private static ApiProblem invalid(List<FieldError> errors) {
        return ApiProblem.badRequest(ProblemTypes.INVALID_JOB_SPEC, "Invalid job spec", errors);
    }
}
