package dev.anneal.api.asktell;

import dev.anneal.api.job.SpecNode;
import dev.anneal.api.problem.FieldError;
import dev.anneal.spec.JobSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A completed tell checked against its job: as many values as the job has objectives, and a value
 * for every metric the job's constraints bound, which become constraint values (met when ≤ 0).
 *
 * @param values one per objective, in the spec's order
 * @param constraints one per constraint of the spec, in its order (empty without constraints)
 */
record TellValues(List<Double> values, List<Double> constraints) {

    /** @throws dev.anneal.api.problem.ApiProblem (400) naming each field that does not fit the job */
    static TellValues of(JobSpec spec, TellRequest request) {
        List<FieldError> errors = new ArrayList<>();
        SpecNode node = new SpecNode(null, "", errors);
        List<JobSpec.ObjectiveSpec> objectives = spec.objectives();
        if (request.values().size() != objectives.size()) {
            List<String> names =
                    objectives.stream().map(JobSpec.ObjectiveSpec::metric).toList();
            node.error(
                    objectives.size() == 1 ? "value" : "values",
                    objectives.size() == 1
                            ? "must be one value: the job has one objective (" + names.get(0) + "), but "
                                    + request.values().size() + " values were told"
                            : "must have " + objectives.size() + " values, one per objective " + names + " in that"
                                    + " order, but had " + request.values().size());
        }
        List<Double> constraints = new ArrayList<>();
        for (JobSpec.ConstraintSpec c : spec.constraints()) {
            Double metric = metricValue(spec, request, c.metric());
            if (metric == null) {
                node.error(
                        "metrics." + c.metric(),
                        "is required: the job's constraints bound " + c.metric() + ", so each tell must include"
                                + " its value in \"metrics\"");
            } else {
                constraints.add(c.value(metric));
            }
        }
        RequestBodies.check(node);
        return new TellValues(request.values(), constraints);
    }

    /** A constraint's metric: told in {@code metrics}, or one of the objectives told. */
    private static Double metricValue(JobSpec spec, TellRequest request, String metric) {
        Double told = request.metrics().get(metric);
        if (told != null) {
            return told;
        }
        for (int k = 0; k < spec.objectives().size() && k < request.values().size(); k++) {
            if (spec.objectives().get(k).metric().equals(metric)) {
                return request.values().get(k);
            }
        }
        return null;
    }
}
