package dev.anneal.api.job;

import dev.anneal.db.job.JobEntity;
import dev.anneal.spec.DirectionJson;
import dev.anneal.spec.JobSpec;
import dev.anneal.spec.JobSpecJson;
import dev.anneal.tuner.space.SearchSpace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validates {@code warmStartFrom} (earlier jobs with the same objective and the same searched
 * parameter names) and {@code initialTrials} (parameter sets inside the space).
 */
final class WarmStartParser {

    static final int MAX_WARM_START_JOBS = 20;
    static final int MAX_INITIAL_TRIALS = 100;

    private WarmStartParser() {}

    static WarmStart parse(
            SpecNode root,
            SearchSpace space,
            String metric,
            String direction,
            int maxTrials,
            LongFunction<Optional<JobEntity>> jobs,
            JsonMapper json) {
        List<Long> ids = jobIds(root, space, metric, direction, jobs, json);
        List<Map<String, Object>> initial =
                InitialTrialsParser.initialTrials(root, space, Math.min(maxTrials, MAX_INITIAL_TRIALS));
        return new WarmStart(ids, initial);
    }

    private static List<Long> jobIds(
            SpecNode root,
            SearchSpace space,
            String metric,
            String direction,
            LongFunction<Optional<JobEntity>> jobs,
            JsonMapper json) {
        JsonNode array = root.raw("warmStartFrom");
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray() || array.size() > MAX_WARM_START_JOBS) {
            root.error("warmStartFrom", "must be an array of at most " + MAX_WARM_START_JOBS + " job ids");
            return List.of();
        }
        List<Long> ids = new ArrayList<>();
        for (JsonNode item : array) {
            if (!item.isIntegralNumber() || !item.canConvertToLong()) {
                root.error(
                        "warmStartFrom", "must contain job ids (integers), but contained " + SpecNode.describe(item));
                continue;
            }
            long id = item.longValue();
            if (ids.contains(id)) {
                root.error("warmStartFrom", "must not repeat job " + id);
                continue;
            }
            Optional<JobEntity> job = jobs.apply(id); // the submitter's project only
            if (job.isEmpty()) {
                root.error("warmStartFrom", "no job has id " + id);
                continue;
            }
            JobSpec earlier = JobSpecJson.read(job.get().getSpec());
            String earlierMetric = earlier.objective().metric();
            String earlierDirection = DirectionJson.spelling(earlier.objective().direction());
            if (!metric.equals(earlierMetric) || !direction.equals(earlierDirection)) {
                root.error(
                        "warmStartFrom",
                        "job " + id + " optimizes " + earlierMetric + " (" + earlierDirection
                                + "), but this job optimizes "
                                + metric + " (" + direction
                                + "): results of a different objective cannot seed the model");
                continue;
            }
            Set<String> earlierNames =
                    new HashSet<>(earlier.searchSpace().parameters().keySet());
            List<String> missing = WarmStart.searched(space).stream()
                    .filter(n -> !earlierNames.contains(n))
                    .toList();
            if (!missing.isEmpty()) {
                root.error(
                        "warmStartFrom",
                        "job " + id + " did not search " + missing + ": warm starts need the same parameter names");
                continue;
            }
            ids.add(id);
        }
        return ids;
    }
}
