package dev.anneal.worker.prune;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.anneal.tuner.pruner.PrunerSettings;
import dev.anneal.tuner.pruner.Pruners;
import dev.anneal.tuner.study.Direction;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads jobs' pruners from their stored specs. A spec never changes after submission, so each
 * job is read once per process. Jobs stored before pruning existed have no {@code pruner} and
 * get {@code none}.
 */
public class PruningPolicies {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Cache<Long, PruningPolicy> cache =
            Caffeine.newBuilder().maximumSize(256).build();

    public PruningPolicies(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public PruningPolicy get(long jobId) {
        return cache.get(jobId, this::load);
    }

    private PruningPolicy load(long jobId) {
        JsonNode spec = jdbc.sql("select spec::text from job where id = :id")
                .param("id", jobId)
                .query((rs, row) -> json.readTree(rs.getString(1)))
                .optional()
                .orElseThrow(() -> new IllegalStateException("job " + jobId + " does not exist"));
        JsonNode prunerNode = spec.path("pruner");
        PrunerSettings settings = prunerNode.isObject()
                ? json.readerFor(PrunerSettings.class)
                        .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .readValue(prunerNode)
                : PrunerSettings.NONE;
        Direction direction =
                "maximize".equals(spec.path("objective").path("direction").asString())
                        ? Direction.MAXIMIZE
                        : Direction.MINIMIZE;
        long seed = spec.path("algorithm").path("seed").asLong();
        return new PruningPolicy(
                jobId,
                spec.path("objective").path("metric").asString(),
                direction,
                Pruners.create(settings, seed),
                !settings.isNone());
    }
}
