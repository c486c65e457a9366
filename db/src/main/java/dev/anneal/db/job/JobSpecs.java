package dev.anneal.db.job;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.anneal.spec.JobSpecJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads jobs' stored specs, typed. A spec never changes after submission, so each job is read
 * from the database once per process; workers (training, pruning) and the api's ask/tell and
 * scheduler share this one cache.
 */
@Repository
public class JobSpecs {

    private final JdbcClient jdbc;
    private final Cache<Long, StoredJob> cache =
            Caffeine.newBuilder().maximumSize(256).build();

    public JobSpecs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws IllegalStateException if the job does not exist */
    public StoredJob get(long jobId) {
        return cache.get(jobId, this::load);
    }

    private StoredJob load(long jobId) {
        return jdbc.sql("""
                select j.spec::text as spec, d.content_sha256
                  from job j left join dataset d on d.id = j.dataset_id
                 where j.id = :id
                """)
                .param("id", jobId)
                .query((rs, row) ->
                        new StoredJob(jobId, rs.getString("content_sha256"), JobSpecJson.read(rs.getString("spec"))))
                .optional()
                .orElseThrow(() -> new IllegalStateException("job " + jobId + " does not exist"));
    }
}
