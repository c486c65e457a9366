package dev.anneal.worker.run;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.anneal.worker.train.TrainingSpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads jobs' training specs. A spec never changes after submission, so each job is read from
 * the database once per worker process.
 */
public class JobCatalog {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Cache<Long, TrainingJob> cache =
            Caffeine.newBuilder().maximumSize(256).build();

    public JobCatalog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public TrainingJob get(long jobId) {
        return cache.get(jobId, this::load);
    }

    private TrainingJob load(long jobId) {
        return jdbc.sql("""
                select j.spec::text as spec, d.content_sha256
                  from job j left join dataset d on d.id = j.dataset_id
                 where j.id = :id
                """)
                .param("id", jobId)
                .query((rs, row) -> new TrainingJob(
                        jobId,
                        rs.getString("content_sha256"),
                        json.readerFor(TrainingSpec.class)
                                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                                .readValue(rs.getString("spec"))))
                .optional()
                .orElseThrow(() -> new IllegalStateException("job " + jobId + " does not exist"));
    }
}
