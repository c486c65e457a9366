package dev.anneal.api.scheduler;

import dev.anneal.api.job.WarmStart;
import dev.anneal.db.job.JobEntity;
import dev.anneal.db.job.JobSpecs;
import dev.anneal.db.trial.TrialEntity;
import dev.anneal.db.trial.TrialRepository;
import dev.anneal.db.trial.TrialState;
import dev.anneal.spec.JobSpec;
import dev.anneal.spec.ParamValues;
import dev.anneal.tuner.sampler.Sampler;
import dev.anneal.tuner.sampler.Samplers;
import dev.anneal.tuner.sampler.TrialSeeds;
import dev.anneal.tuner.space.SearchSpace;
import dev.anneal.tuner.study.StudyView;
import dev.anneal.tuner.study.TrialView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Chooses the parameters of a job's next trials: its {@code initialTrials} first, then its
 * sampler, given the job's history and the completed trials of the jobs it warm-starts from.
 * Used wherever trials are created, so every path suggests alike.
 */
@Component
public class TrialSuggester {

    private final TrialRepository trials;
    /** Specs never change: every ask and scheduler round reads them from one cache. */
    private final JobSpecs specs;

    private final JsonMapper json;
    private final SchedulerMetrics metrics;

    TrialSuggester(TrialRepository trials, JobSpecs specs, JsonMapper json, SchedulerMetrics metrics) {
        this.trials = trials;
        this.specs = specs;
        this.json = json;
        this.metrics = metrics;
    }

    /** Prepares suggestions for one job; call within the transaction that holds its row lock. */
    public Batch start(JobEntity job) {
        JobSpec spec = specs.get(job.getId()).spec();
        SearchSpace space = spec.searchSpace();
        long seed = spec.algorithm().seed();
        Sampler sampler = Samplers.create(job.getAlgorithm(), space, seed);
        WarmStart warmStart = WarmStart.of(spec);
        List<TrialEntity> history = new ArrayList<>();
        if (sampler.usesHistory()) {
            history.addAll(trials.findByJobIdOrderByNumber(job.getId()));
        }
        StudyView study = StudyViews.of(
                space,
                spec.objectives().stream().map(JobSpec.ObjectiveSpec::direction).toList(),
                history,
                json);
        if (sampler.usesHistory() && !warmStart.jobIds().isEmpty()) {
            study = withWarmStart(study, space, warmStart.jobIds());
        }
        return new Batch(job.getAlgorithm(), sampler, study, seed, warmStart.initialTrials());
    }

    /** Suggestions for consecutive trial numbers; each one joins the study as pending. */
    public final class Batch {

        private final String algorithm;
        private final Sampler sampler;
        private final long seed;
        private final List<Map<String, Object>> initialTrials;
        private StudyView study;

        private Batch(
                String algorithm, Sampler sampler, StudyView study, long seed, List<Map<String, Object>> initial) {
            this.algorithm = algorithm;
            this.sampler = sampler;
            this.study = study;
            this.seed = seed;
            this.initialTrials = initial;
        }

        /** Parameters for trial {@code number}, or empty when the sampler has nothing left (a finished grid). */
        public Optional<Map<String, Object>> next(int number) {
            Optional<Map<String, Object>> params = number < initialTrials.size()
                    ? Optional.of(initialTrials.get(number))
                    : metrics.samplerLatency(algorithm)
                            .record(() -> sampler.sample(study, number, TrialSeeds.forTrial(seed, number)));
            params.ifPresent(p ->
                    study = study.with(new TrialView(number, TrialView.Status.PENDING, p, OptionalDouble.empty())));
            return params;
        }
    }

    /**
     * Earlier jobs' completed trials, as completed trials numbered below zero; those whose
     * parameters fall outside this job's space (narrower bounds, other choices) are left out.
     */
    private StudyView withWarmStart(StudyView study, SearchSpace space, List<Long> jobIds) {
        List<TrialView> all = new ArrayList<>(study.trials());
        int number = -1;
        for (TrialEntity t : trials.findByJobIdInAndStateOrderByJobIdAscNumberAsc(jobIds, TrialState.COMPLETED)) {
            Map<String, Object> params = new java.util.LinkedHashMap<>();
            Map<String, Object> stored = ParamValues.params(json.readTree(t.getParams()));
            space.parameters()
                    .forEach((name, d) -> params.put(
                            name,
                            stored.containsKey(name)
                                    ? stored.get(name)
                                    : d.values().get(0)));
            if (space.contains(params)) {
                all.add(new TrialView(number--, TrialView.Status.COMPLETE, params, OptionalDouble.of(t.getValue())));
            }
        }
        return new StudyView(space, study.direction(), all);
    }
}
