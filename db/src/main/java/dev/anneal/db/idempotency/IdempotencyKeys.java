package dev.anneal.db.idempotency;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Keys of job submissions that may be retried, and the job each one created; per project. */
@Repository
public class IdempotencyKeys {

    /** What a key was first used for. */
    public record Use(String requestHash, long jobId) {}

    private final JdbcClient jdbc;

    public IdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Use> find(long project, String key) {
        return jdbc.sql("select request_hash, job_id from idempotency_key where project_id = :project and key = :key")
                .param("project", project)
                .param("key", key)
                .query((rs, n) -> new Use(rs.getString(1), rs.getLong(2)))
                .optional();
    }

    /**
     * Records the key in the submitting transaction.
     *
     * @return false if another request recorded it first (then roll back and {@link #find} it)
     */
    public boolean record(long project, String key, String requestHash, long jobId) {
        return jdbc.sql("""
                insert into idempotency_key (project_id, key, request_hash, job_id)
                values (:project, :key, :hash, :job)
                on conflict (project_id, key) do nothing
                """)
                        .param("project", project)
                        .param("key", key)
                        .param("hash", requestHash)
                        .param("job", jobId)
                        .update()
                == 1;
    }
}
