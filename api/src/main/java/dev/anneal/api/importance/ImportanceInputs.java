package dev.anneal.api.importance;

import dev.anneal.api.access.ScopedJob;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What an importance answer is made of, read for a job already checked against the caller's
 * project ({@link ScopedJob}), so it also runs on a fit thread, which has no caller. Plain SQL
 * of the few columns needed: loading 10,000 trial entities whole would read their
 * preprocessing records and fold values for nothing.
 */
@Component
class ImportanceInputs {

    /** The job's stored spec and its completed trials' parameters (JSON) and objective values, by trial number. */
    record Inputs(String spec, List<String> params, double[] values) {}

    private final JdbcClient jdbc;

    ImportanceInputs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * How many of the job's trials completed: what an answer depends on. A trial that completed
     * stays completed with its value and parameters, and none is ever deleted, so the count
     * tells one set of completed trials from another.
     */
    int completed(ScopedJob job) {
        return jdbc.sql("select count(*) from trial where job_id = :job and state = 'COMPLETED'")
                .param("job", job.jobId())
                .query(Integer.class)
                .single();
    }

    Inputs read(ScopedJob job) {
        String spec = jdbc.sql("select spec::text from job where id = :job and project_id = :project")
                .param("job", job.jobId())
                .param("project", job.projectId())
                .query(String.class)
                .single();
        List<Object[]> rows = jdbc.sql("""
                select params::text, value from trial
                 where job_id = :job and state = 'COMPLETED'
                 order by number
                """)
                .param("job", job.jobId())
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getDouble(2)})
                .list();
        return new Inputs(
                spec,
                rows.stream().map(r -> (String) r[0]).toList(),
                rows.stream().mapToDouble(r -> (Double) r[1]).toArray());
    }
}
