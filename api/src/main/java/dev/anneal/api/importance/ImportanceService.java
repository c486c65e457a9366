package dev.anneal.api.importance;

import dev.anneal.api.access.ProjectScope;
import dev.anneal.api.job.StoredSpecs;
import dev.anneal.db.job.JobEntity;
import dev.anneal.db.trial.TrialEntity;
import dev.anneal.db.trial.TrialRepository;
import dev.anneal.db.trial.TrialState;
import dev.anneal.tuner.importance.PermutationImportance;
import dev.anneal.tuner.space.UnitSpace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parameter importance of a job, computed on request from its completed trials (milliseconds
 * for hundreds of trials; nothing is stored). Parameters are encoded as the model-based samplers
 * see them ({@link UnitSpace}: log ranges on a log axis, categoricals as choice indices).
 */
@Service
class ImportanceService {

    static final int MIN_TRIALS = 4;
    static final String METHOD = "permutation importance on a random forest (64 trees, out-of-bag)";

    private final ProjectScope scope;
    private final TrialRepository trials;
    private final JsonMapper json;

    ImportanceService(ProjectScope scope, TrialRepository trials, JsonMapper json) {
        this.scope = scope;
        this.trials = trials;
        this.json = json;
    }

    @Transactional(readOnly = true)
    ParameterImportance of(long jobId) {
        // the caller's project's job only: another project's is 404, like one that does not exist
        JobEntity job = scope.load(jobId);
        JsonNode spec = json.readTree(job.getSpec());
        UnitSpace space = new UnitSpace(StoredSpecs.searchSpace(spec));
        List<TrialEntity> completed =
                trials.findByJobIdInAndStateOrderByJobIdAscNumberAsc(List.of(jobId), TrialState.COMPLETED);
        if (completed.size() < MIN_TRIALS || space.dimensions() == 0) {
            return new ParameterImportance(METHOD, completed.size(), MIN_TRIALS, List.of());
        }
        double[][] x = new double[completed.size()][];
        double[] y = new double[completed.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = space.encode(
                    StoredSpecs.params(json.readTree(completed.get(i).getParams())));
            y[i] = completed.get(i).getValue();
        }
        double[] importance = PermutationImportance.of(x, y, new SplittableRandom(StoredSpecs.seed(spec)));
        List<ParameterImportance.Entry> entries = new ArrayList<>();
        for (int d = 0; d < importance.length; d++) {
            entries.add(new ParameterImportance.Entry(space.parameter(d).name(), importance[d]));
        }
        entries.sort(Comparator.comparingDouble(ParameterImportance.Entry::importance)
                .reversed());
        return new ParameterImportance(METHOD, completed.size(), MIN_TRIALS, entries);
    }
}
