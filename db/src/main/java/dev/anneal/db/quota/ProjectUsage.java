package dev.anneal.db.quota;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a project uses of the resources its quotas bound. Checking a quota and writing what it
 * bounds happen in one transaction that first {@link #lock locks} the project's row, so two
 * concurrent requests cannot both take the last unit.
 */
@Repository
public class ProjectUsage {

    private final JdbcClient jdbc;

    public ProjectUsage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the project's row until the transaction ends. {@code for no key update} serializes
     * quota checks of one project without blocking inserts that merely reference the project
     * (their foreign-key checks take {@code for key share}, which it does not conflict with).
     */
    public void lock(long projectId) {
        jdbc.sql("select id from project where id = :id for no key update")
                .param("id", projectId)
                .query(Long.class)
                .optional();
    }

    /** Jobs of the project that are queued or running. */
    public long unfinishedJobs(long projectId) {
        return jdbc.sql("select count(*) from job where project_id = :project and state in ('QUEUED', 'RUNNING')")
                .param("project", projectId)
                .query(Long.class)
                .single();
    }

    /**
     * Stored (gzip-compressed) bytes of the project's datasets; a content two datasets share is
     * counted for each. {@code octet_length} of a bytea reads its size without fetching it.
     */
    public long storedDatasetBytes(long projectId) {
        return jdbc.sql("""
                select coalesce(sum(octet_length(c.gzip_bytes)), 0)
                from dataset d join dataset_content c on c.sha256 = d.content_sha256
                where d.project_id = :project
                """).param("project", projectId).query(Long.class).single();
    }
}
