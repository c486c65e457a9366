package dev.anneal.api.importance;

import dev.anneal.db.shared.AnnealMetricNames;
import dev.anneal.spec.JobSpec;
import dev.anneal.spec.JobSpecJson;
import dev.anneal.spec.ParamValues;
import dev.anneal.tuner.importance.PermutationImportance;
import dev.anneal.tuner.space.UnitSpace;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fits the forest to a job's completed trials and ranks the parameters. Parameters are encoded
 * as the model-based samplers see them ({@link UnitSpace}: log ranges on a log axis, categoricals
 * as choice indices); the job's seed makes the answer reproducible. Each fit is timed
 * ({@value AnnealMetricNames#IMPORTANCE_FIT}), so its count is also the number of fits.
 */
@Component
class ImportanceFitter {

    static final int MIN_TRIALS = 4;
    static final String METHOD = "permutation importance on a random forest (64 trees, out-of-bag)";

    private final JsonMapper json;
    private final Timer fits;

    ImportanceFitter(JsonMapper json, MeterRegistry registry) {
        this.json = json;
        this.fits = Timer.builder(AnnealMetricNames.IMPORTANCE_FIT)
                .description("one fit of a job's parameter importance (a cache miss)")
                .register(registry);
    }

    ParameterImportance fit(ImportanceInputs.Inputs inputs) {
        return fits.record(() -> rank(inputs));
    }

    private ParameterImportance rank(ImportanceInputs.Inputs inputs) {
        JobSpec spec = JobSpecJson.read(inputs.spec());
        UnitSpace space = new UnitSpace(spec.searchSpace());
        int completed = inputs.values().length;
        if (completed < MIN_TRIALS || space.dimensions() == 0) {
            return new ParameterImportance(METHOD, completed, MIN_TRIALS, List.of());
        }
        double[][] x = new double[completed][];
        for (int i = 0; i < completed; i++) {
            x[i] = space.encode(ParamValues.params(json.readTree(inputs.params().get(i))));
        }
        double[] importance = PermutationImportance.of(
                x, inputs.values(), new SplittableRandom(spec.algorithm().seed()));
        List<ParameterImportance.Entry> entries = new ArrayList<>();
        for (int d = 0; d < importance.length; d++) {
            entries.add(new ParameterImportance.Entry(space.parameter(d).name(), importance[d]));
        }
        entries.sort(Comparator.comparingDouble(ParameterImportance.Entry::importance)
                .reversed());
        return new ParameterImportance(METHOD, completed, MIN_TRIALS, List.copyOf(entries));
    }
}
